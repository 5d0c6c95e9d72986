import type { DetectionMethod, IncidentEvent } from './events'
import type { SeverityScaleId } from './severity'
import { isActive, type Status } from './status'
import { isRetroDue, retroFacts } from './retro/due'
import { openActionCount } from './retro/open-actions'
import { applyRetroEvent } from './retro/reduce'
import { NO_RETRO, type RetroState } from './retro/state'

export interface TimelineItem {
  id: string
  kind: 'lifecycle'
  /** When it happened (ISO). */
  at: string
  /** When it was written down (ISO). */
  writtenAt: string
  by: string
  text: string
  /** Bookkeeping (a copy, a ticked checklist item, a snooze): kept, but left out of reports. */
  meta?: true
}

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
  /** The last "Posted an update"; the countdown runs from it (or from recording). */
  lastUpdateAt: string | null
  snoozedUntil: string | null
  /** Where the P2 incident post is, once published. */
  p2Url: string | null
  /** Communication checklist items ticked, by item id. */
  commsChecked: Record<string, { at: string; by: string }>
  /** The retrospective: choice, draft, completion (electron/domain/retro). */
  retro: RetroState
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
  lastUpdateAt: string | null
  snoozedUntil: string | null
  /** Optional: summaries cached in index.json before the retro existed lack them. */
  retroDue?: boolean
  openActionItems?: number
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
      lastUpdateAt: null,
      snoozedUntil: null,
      p2Url: null,
      commsChecked: {},
      retro: NO_RETRO,
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
    case 'update.posted':
      return {
        ...next,
        lastUpdateAt: event.at,
        snoozedUntil: null,
        timeline: [...next.timeline, lifecycleItem(event, `Posted an update: ${event.text}`)],
      }
    case 'comms.checked': {
      const commsChecked = { ...next.commsChecked }
      if (event.done) commsChecked[event.item] = { at: event.at, by: event.by }
      else delete commsChecked[event.item]
      const text = event.done ? `Done: ${event.label}` : `Not done after all: ${event.label}`
      return {
        ...next,
        commsChecked,
        timeline: [...next.timeline, lifecycleItem(event, text, true)],
      }
    }
    case 'comms.copied':
      return {
        ...next,
        timeline: [...next.timeline, lifecycleItem(event, `Copied the ${event.label}`, true)],
      }
    case 'comms.p2UrlSet':
      return {
        ...next,
        p2Url: event.url,
        timeline: [...next.timeline, lifecycleItem(event, `P2 post: ${event.url}`, true)],
      }
    case 'update.snoozed':
      return {
        ...next,
        snoozedUntil: event.until,
        timeline: [
          ...next.timeline,
          lifecycleItem(event, `Snoozed update reminders for ${event.minutes} min`, true),
        ],
      }
    case 'retro.optedIn':
    case 'retro.optedOut':
    case 'retro.draftSaved':
    case 'retro.completed':
    case 'retro.actionDone':
      return applyRetroEvent(next, event)
  }
}

function lifecycleItem(event: IncidentEvent, text: string, meta = false): TimelineItem {
  const item: TimelineItem = {
    id: event.id,
    kind: 'lifecycle',
    at: event.at,
    writtenAt: event.at,
    by: event.by,
    text,
  }
  return meta ? { ...item, meta: true } : item
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
    lastUpdateAt: incident.lastUpdateAt,
    snoozedUntil: incident.snoozedUntil,
    retroDue: isRetroDue(incident, retroFacts(incident)),
    openActionItems: openActionCount(incident.retro),
  }
}
