import type { DetectionMethod, IncidentEvent } from './events'
import type { SeverityScaleId } from './severity'
import { isActive, type Status } from './status'
import { applyTimelineEvent, type TimelineItem } from './timeline'

export type { TimelineItem } from './timeline'

/** An incident is the fold of its events. */
export interface Incident {
  id: string
  title: string
  observed: string
  severity: number
  scale: SeverityScaleId
  detection: DetectionMethod
  area: string
  status: Status
  recorder: string
  lead: string | null
  recordedAt: string
  updatedAt: string
  /** Number of events folded in. */
  version: number
  timeline: TimelineItem[]
}

/** What lists, the tray and the scheduler need, without the timeline. */
export interface IncidentSummary {
  id: string
  title: string
  severity: number
  scale: SeverityScaleId
  status: Status
  active: boolean
  recorder: string
  lead: string | null
  area: string
  recordedAt: string
  updatedAt: string
}

export class CorruptLogError extends Error {}

export function applyEvent(incident: Incident | undefined, event: IncidentEvent): Incident {
  if (!incident) {
    if (event.type !== 'incident.recorded') {
      throw new CorruptLogError(`The log of ${event.incidentId} does not start with its recording.`)
    }
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
      version: 1,
      timeline: [
        {
          id: event.id,
          kind: 'lifecycle',
          at: event.at,
          writtenAt: event.at,
          by: event.by,
          text: `Recorded by ${event.by}`,
        },
      ],
    }
  }
  const next = { ...incident, updatedAt: event.at, version: incident.version + 1 }
  switch (event.type) {
    case 'incident.recorded':
      throw new CorruptLogError(`${event.incidentId} is recorded twice.`)
    case 'entry.added':
    case 'entry.edited':
    case 'entry.deleted':
    case 'entry.restored':
    case 'entry.unmasked':
      try {
        return { ...next, timeline: applyTimelineEvent(incident.timeline, event) }
      } catch (err) {
        throw new CorruptLogError((err as Error).message)
      }
  }
  return next
}

export function foldIncident(events: readonly IncidentEvent[]): Incident {
  let incident: Incident | undefined
  for (const event of events) incident = applyEvent(incident, event)
  if (!incident) throw new CorruptLogError('An incident log holds no events.')
  return incident
}

export function summarize(incident: Incident): IncidentSummary {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    scale: incident.scale,
    status: incident.status,
    active: isActive(incident.status),
    recorder: incident.recorder,
    lead: incident.lead,
    area: incident.area,
    recordedAt: incident.recordedAt,
    updatedAt: incident.updatedAt,
  }
}
