import type { Incident } from '../incident'
import type { TimelineEvent } from './events'
import { applyTimelineEvent } from './timeline'

/**
 * How entries added, edited, deleted, restored and unmasked change the incident: the family's
 * reducer, of the same shape as the others; the timeline's own switch is `applyTimelineEvent`.
 */
export function reduceTimeline(incident: Incident, event: TimelineEvent): Incident {
  return { ...incident, timeline: applyTimelineEvent(incident.timeline, event) }
}
