import type { IncidentRecorded } from '../events'
import type { Incident } from '../incident'
import { NO_PUBLISHING } from '../comms/publishing'
import { EMPTY_MITIGATION } from '../mitigation/mitigation'
import { NO_RETRO } from '../retro/state'
import { Timeline } from '../timeline/list'
import type { TimelineItem } from '../timeline/timeline'

/** The incident as its recording makes it: the first event of every log. */
export function recordedIncident(event: IncidentRecorded): Incident {
  return {
    id: event.incidentId,
    title: event.title,
    observed: event.observed,
    severity: event.severity,
    scale: event.scale,
    detection: event.detection,
    area: event.area,
    status: event.status,
    recorder: event.by,
    lead: null,
    recordedAt: event.at,
    updatedAt: event.at,
    lastUpdateAt: null,
    snoozedUntil: null,
    cadenceChoice: 'policy',
    audience: {},
    p2Url: null,
    publishing: NO_PUBLISHING,
    commsChecked: {},
    ...EMPTY_MITIGATION,
    retro: NO_RETRO,
    version: 1,
    lastSeq: event.seq,
    statusHistory: [{ status: event.status, at: event.at }],
    severityHistory: [],
    leadHistory: [],
    mitigationSummary: null,
    solutionSummary: null,
    keyTimes: {
      detectedAt: event.at,
      recordedAt: event.at,
      ...(event.status === 'stabilized' ? { stabilizedAt: event.at } : {}),
    },
    links: [],
    timeline: Timeline.adopt<TimelineItem>([
      {
        id: event.id,
        kind: 'lifecycle',
        at: event.at,
        writtenAt: event.at,
        by: event.by,
        text: `Recorded by ${event.by}`,
        internal: true,
      },
    ]),
  }
}
