import type { Audience } from './timeline/audience'
import type { DetectionMethod, IncidentEvent } from './events'
import type { KeyTime, LinkRelation } from './lifecycle/events'
import type { CadenceChoice } from './comms/update-events'
import { reduceLifecycle } from './lifecycle/reducer'
import { reduceComms } from './comms/reducer'
import { reduceP2 } from './comms/p2-reducer'
import type { SeverityScaleId } from './incident/severity'
import { recordedIncident } from './incident/recorded'
import type { Mitigation } from './mitigation/mitigation'
import { reduceMitigation } from './mitigation/reducer'
import type { Status } from './lifecycle/status'
import type { PublishingState } from './comms/publishing'
import type { P2Follow } from './comms/p2-events'
import { reduceRetro } from './retro/reducer'
import { reduceTimeline } from './timeline/reducer'
import type { RetroState } from './retro/state'
import {
  applyTimelineEventInPlace,
  isTimelineEvent,
  type TimelineItem,
  type TimelineList,
} from './timeline/timeline'
import { Timeline } from './timeline/list'

export type { TimelineItem, TimelineList } from './timeline/timeline'
export { summarize, type IncidentSummary } from './incident/summary'

/** An incident is the fold of its events. */
export interface Incident extends Mitigation {
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
  /** The lead's update cadence after Stabilized; 'policy' until chosen. */
  cadenceChoice: CadenceChoice
  /** Per-item audience overrides (the toggle on a timeline item). */
  audience: Record<string, Audience>
  /** Where the P2 incident post is, once published. */
  p2Url: string | null
  /** The P2 post on the site, the outbox and what was published (domain/publishing.ts). */
  publishing: PublishingState
  /** What was read back from the P2 post (comments, its status tag); absent in older folds. */
  p2?: P2Follow
  /** Communication checklist items ticked, by item id. */
  commsChecked: Record<string, { at: string; by: string }>
  /** The retrospective: choice, draft, completion (electron/domain/retro). */
  retro: RetroState
  /** Number of events folded in. */
  version: number
  /** The highest `seq` in the log: the next event is numbered after it, even past a gap. */
  lastSeq?: number
  /**
   * Set when the log holds lines of a newer app or an unknown type: the incident is shown as far
   * as this app understands it, and every command on it is refused with this message.
   */
  readOnly?: string
  /** Persistent: appending shares the list with the snapshot before (`timeline/list.ts`). */
  timeline: TimelineList
  /** Every status it has had, the recording first; a move keeps the summary typed for it. */
  statusHistory: { status: Status; at: string; summary?: string | null }[]
  severityHistory: { from: number; to: number; at: string; by: string; reason: string }[]
  leadHistory: { lead: string; at: string; by: string; note: string | null }[]
  /** The latest summaries given when moving to Stabilized / Resolved. */
  mitigationSummary: string | null
  solutionSummary: string | null
  keyTimes: KeyTimes
  /** Other incidents this one recurred from or as. */
  links: { id: string; title: string; relation: LinkRelation }[]
}

/** Absolute times (ISO); detected defaults to recorded; stabilized/resolved are the latest. */
export type KeyTimes = Partial<Record<KeyTime, string>> & { detectedAt: string; recordedAt: string }

/**
 * An incident as the renderer receives it: everything but the timeline, which it pages through
 * `timeline:window` (a 100,000-entry timeline is not sent whole on every change).
 */
export type IncidentView = Omit<Incident, 'timeline'> & { timelineTotal: number }

/** The view of an incident: drops the timeline, keeps its length. */
export function incidentView(incident: Incident): IncidentView {
  const { timeline, ...rest } = incident
  return { ...rest, timelineTotal: timeline.length }
}

/**
 * An incident with its timeline as a plain array (a copy): what `incident:get` answers, for
 * host-side readers (tests, the bench) that read the whole incident.
 */
export type IncidentData = Omit<Incident, 'timeline'> & { timeline: TimelineItem[] }

export function incidentData(incident: Incident): IncidentData {
  return { ...incident, timeline: incident.timeline.toArray() }
}

export class CorruptLogError extends Error {}

export function applyEvent(incident: Incident | undefined, event: IncidentEvent): Incident {
  if (!incident) {
    if (event.type !== 'incident.recorded') {
      throw new CorruptLogError(`The log of ${event.incidentId} does not start with its recording.`)
    }
    return recordedIncident(event)
  }
  const reduced = reduceFamily(incident, event)
  // Every reducer returns a new object (or the incident itself for an event that changes
  // nothing): stamping that object in place saves copying the whole incident twice per event.
  const next: { -readonly [K in keyof Incident]: Incident[K] } =
    reduced === incident ? { ...incident } : reduced
  next.updatedAt = event.at
  next.version = incident.version + 1
  next.lastSeq = Math.max(nextSeq(incident) - 1, event.seq)
  return next
}

/** Each family has one reducer of the same shape, (incident, event) => incident. */
function reduceFamily(incident: Incident, event: IncidentEvent): Incident {
  switch (event.type) {
    case 'incident.recorded':
      throw new CorruptLogError(`${event.incidentId} is recorded twice.`)
    case 'update.posted':
    case 'update.undone':
    case 'update.snoozed':
    case 'cadence.chosen':
    case 'item.audienceSet':
    case 'comms.checked':
    case 'comms.copied':
    case 'comms.p2UrlSet':
    case 'publish.queued':
    case 'publish.done':
    case 'publish.failed':
    case 'publish.cancelled':
    case 'publish.claimed':
    case 'publish.unbound':
      return reduceComms(incident, event)
    case 'p2.commentRead':
    case 'p2.notUpdate':
    case 'p2.commentGone':
    case 'p2.commentEdited':
    case 'p2.tagRead':
    case 'p2.tagKept':
    case 'p2.unreachable':
    case 'p2.reachable':
    case 'p2.bound':
      return reduceP2(incident, event)
    case 'status.changed':
    case 'incident.reopened':
    case 'incident.linked':
    case 'severity.changed':
    case 'lead.set':
    case 'keytime.changed':
    case 'resolve.overridden':
      return reduceLifecycle(incident, event)
    case 'alarm.silenced':
    case 'alarm.reenabled':
    case 'measure.started':
    case 'measure.undone':
    case 'measure.kept':
    case 'party.contacted':
    case 'party.updated':
    case 'followup.added':
    case 'followup.updated':
    case 'runbook.linked':
    case 'runbook.step-checked':
      return reduceMitigation(incident, event)
    case 'retro.optedIn':
    case 'retro.optedOut':
    case 'retro.draftSaved':
    case 'retro.completed':
    case 'retro.actionDone':
      return reduceRetro(incident, event)
    case 'entry.added':
    case 'entry.edited':
    case 'entry.deleted':
    case 'entry.restored':
    case 'entry.unmasked':
      try {
        return reduceTimeline(incident, event)
      } catch (err) {
        throw new CorruptLogError((err as Error).message)
      }
    default: {
      // The store reads only events it has a schema for; one that gets here is a bug, made loud.
      const unknown: never = event
      throw new CorruptLogError(
        `Event type ${(unknown as { type: string }).type} is not known to this version.`,
      )
    }
  }
}

/** The `seq` the next event of this incident gets: after the highest in its log. */
export function nextSeq(incident: Incident | undefined): number {
  if (!incident) return 1
  return (incident.lastSeq ?? incident.version) + 1
}

/**
 * The incident after all its events: the same as applying them one by one with applyEvent, but
 * timeline events, most of any log, change the fold's own draft in place. Copying the incident
 * and its timeline per entry made replaying a log quadratic in its length.
 */
export function foldIncident(
  events: readonly IncidentEvent[],
  /**
   * Given, an event that cannot apply (it edits an entry whose line was set aside) is skipped and
   * reported here instead of making the whole incident unreadable.
   */
  onSkipped?: (event: IncidentEvent, why: string) => void,
): Incident {
  const [first] = events
  if (!first) throw new CorruptLogError('An incident log holds no events.')
  // Every draft and its timeline are new objects of this fold: no caller has seen them yet, so
  // timeline events change the fold's own array in place, and other events append to it.
  let draft = applyEvent(undefined, first)
  let items = Timeline.owned(draft.timeline)
  for (let i = 1; i < events.length; i++) {
    const event = events[i]!
    try {
      if (!isTimelineEvent(event)) {
        draft.timeline = Timeline.adopt(items)
        draft = applyEvent(draft, event)
        items = Timeline.owned(draft.timeline)
        continue
      }
      try {
        // Throws before it changes anything, so a skipped event leaves no trace.
        applyTimelineEventInPlace(items, event)
      } catch (err) {
        throw new CorruptLogError((err as Error).message)
      }
      draft.updatedAt = event.at
      draft.version += 1
      draft.lastSeq = Math.max(draft.lastSeq ?? 0, event.seq)
    } catch (err) {
      if (!onSkipped || !(err instanceof Error)) throw err
      onSkipped(event, err.message)
      draft.lastSeq = Math.max(draft.lastSeq ?? 0, event.seq)
    }
  }
  draft.timeline = Timeline.adopt(items)
  return draft
}
