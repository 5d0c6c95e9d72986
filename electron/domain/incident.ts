import type { Audience } from './timeline/audience'
import type { DetectionMethod, IncidentEvent } from './events'
import type { KeyTime } from './lifecycle/events'
import { applyLifecycleEvent } from './lifecycle/reducer'
import { CADENCE_CHOICE_LABELS } from './comms/cadence'
import type { SeverityScaleId } from './incident/severity'
import { EMPTY_MITIGATION, isSilenced, type Mitigation } from './mitigation/mitigation'
import { foldMitigation } from './mitigation/reducer'
import { isActive, type Status } from './lifecycle/status'
import { applyPublishEvent, NO_PUBLISHING, type PublishingState } from './comms/publishing'
import { isRetroDue, retroFacts } from './retro/due'
import { openActionCount } from './retro/open-actions'
import { applyRetroEvent } from './retro/reducer'
import { NO_RETRO, type RetroState } from './retro/state'

import {
  applyTimelineEvent,
  applyTimelineEventInPlace,
  isTimelineEvent,
  type TimelineItem,
  type TimelineList,
} from './timeline/timeline'
import { Timeline } from './timeline/list'

export type { TimelineItem, TimelineList } from './timeline/timeline'
import type { LifecycleItem } from './timeline/timeline'

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
  cadenceChoice: 'policy' | 'daily' | 'news'
  /** Per-item audience overrides (the toggle on a timeline item). */
  audience: Record<string, Audience>
  /** Where the P2 incident post is, once published. */
  p2Url: string | null
  /** The P2 post on the site, the outbox and what was published (domain/publishing.ts). */
  publishing: PublishingState
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
  statusHistory: { status: Status; at: string }[]
  severityHistory: { from: number; to: number; at: string; by: string; reason: string }[]
  leadHistory: { lead: string; at: string; by: string; note: string | null }[]
  /** The latest summaries given when moving to Stabilized / Resolved. */
  mitigationSummary: string | null
  solutionSummary: string | null
  keyTimes: KeyTimes
  /** Other incidents this one recurred from or as. */
  links: { id: string; title: string; relation: 'recurrence-of' | 'recurred-as' }[]
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
  /** The lead's cadence choice after Stabilized (absent in older cached summaries). */
  cadenceChoice?: 'policy' | 'daily' | 'news'
  /** Alarms still silenced, for the reminder; absent in summaries written before issue 7. */
  silencedAlarms?: { id: string; name: string; silencedAt: string }[]
  /** Publishes waiting in the outbox (absent in summaries cached before publishing). */
  publishWaiting?: number
  /** When it was last resolved (absent in summaries cached before issue 3). */
  resolvedAt?: string | null
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
  const next = {
    ...incident,
    updatedAt: event.at,
    version: incident.version + 1,
    lastSeq: Math.max(nextSeq(incident) - 1, event.seq),
  }
  switch (event.type) {
    case 'incident.recorded':
      throw new CorruptLogError(`${event.incidentId} is recorded twice.`)
    case 'update.posted': {
      const update = { text: event.text, copied: event.copied ?? false, news: event.news ?? true }
      const text = update.copied
        ? `Posted an update by copying the status comment${update.news ? '' : ' (nothing new)'}`
        : `Posted an update: ${event.text}`
      return {
        ...next,
        lastUpdateAt: event.at,
        snoozedUntil: null,
        timeline: next.timeline.append({ ...lifecycleItem(event, text), update }),
      }
    }
    case 'update.undone': {
      // An edit of an item already there: a copy of the list (copy-on-write).
      const timeline = next.timeline.copyWith((items) => {
        const at = items.findLastIndex((item) => item.id === event.updateId)
        const undone = items[at]
        if (undone?.kind === 'lifecycle' && undone.update) {
          items[at] = { ...undone, update: { ...undone.update, undone: true }, meta: true }
        }
        items.push(
          lifecycleItem(event, 'Undid the copy: that update does not count as posted', true),
        )
      })
      // The countdown runs from the latest update that still counts.
      const last = timeline.findLast(
        (item) => item.kind === 'lifecycle' && item.update && !item.update.undone,
      )
      return { ...next, lastUpdateAt: last?.at ?? null, timeline }
    }
    case 'cadence.chosen':
      return {
        ...next,
        cadenceChoice: event.choice,
        timeline: next.timeline.append({
          ...lifecycleItem(event, `Update cadence: ${CADENCE_CHOICE_LABELS[event.choice]}`),
          internal: true,
        }),
      }
    case 'item.audienceSet':
      return {
        ...next,
        audience: { ...next.audience, [event.itemId]: event.audience },
        timeline: next.timeline.append(
          lifecycleItem(
            event,
            event.audience === 'public' ? 'Made an item public' : 'Made an item internal',
            true,
          ),
        ),
      }
    case 'comms.checked': {
      const commsChecked = { ...next.commsChecked }
      if (event.done) commsChecked[event.item] = { at: event.at, by: event.by }
      else delete commsChecked[event.item]
      const text = event.done ? `Done: ${event.label}` : `Not done after all: ${event.label}`
      return {
        ...next,
        commsChecked,
        timeline: next.timeline.append(lifecycleItem(event, text, true)),
      }
    }
    case 'comms.copied':
      return {
        ...next,
        timeline: next.timeline.append(lifecycleItem(event, `Copied the ${event.label}`, true)),
      }
    case 'comms.p2UrlSet':
      return {
        ...next,
        p2Url: event.url,
        timeline: next.timeline.append(lifecycleItem(event, `P2 post: ${event.url}`, true)),
      }
    case 'publish.queued':
    case 'publish.done':
    case 'publish.failed':
    case 'publish.cancelled': {
      // Older folds (cached before publishing existed) lack the field.
      const { state, text } = applyPublishEvent(next.publishing ?? NO_PUBLISHING, event)
      return {
        ...next,
        publishing: state,
        timeline: next.timeline.append(lifecycleItem(event, text, true)),
      }
    }
    case 'status.changed':
    case 'incident.reopened':
    case 'incident.linked':
    case 'severity.changed':
    case 'lead.set':
    case 'keytime.changed':
      return applyLifecycleEvent(next, event)
    case 'update.snoozed':
      return {
        ...next,
        snoozedUntil: event.until,
        timeline: next.timeline.append(
          lifecycleItem(event, `Snoozed update reminders for ${event.minutes} min`, true),
        ),
      }
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
    case 'runbook.step-checked': {
      const { registers, text } = foldMitigation(next, event)
      const item = lifecycleItem(event, text)
      const internal = event.type === 'runbook.linked' || event.type === 'runbook.step-checked'
      return {
        ...next,
        ...registers,
        timeline: next.timeline.append(internal ? { ...item, internal: true } : item),
      }
    }
    case 'resolve.overridden':
      return {
        ...next,
        timeline: next.timeline.append({
          ...lifecycleItem(
            event,
            `Resolved with open items (${event.outstanding.join('; ')}). Reason: ${event.reason}`,
          ),
          internal: true,
        }),
      }
    case 'retro.optedIn':
    case 'retro.optedOut':
    case 'retro.draftSaved':
    case 'retro.completed':
    case 'retro.actionDone':
      return applyRetroEvent(next, event)
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

function lifecycleItem(event: IncidentEvent, text: string, meta = false): LifecycleItem {
  const item: LifecycleItem = {
    id: event.id,
    kind: 'lifecycle',
    at: event.at,
    writtenAt: event.at,
    by: event.by,
    text,
  }
  return meta ? { ...item, meta: true } : item
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
    cadenceChoice: incident.cadenceChoice,
    silencedAlarms: incident.alarms
      .filter(isSilenced)
      .map((a) => ({ id: a.id, name: a.name, silencedAt: a.silencedAt })),
    resolvedAt: incident.keyTimes.resolvedAt ?? null,
    retroDue: isRetroDue(incident, retroFacts(incident)),
    openActionItems: openActionCount(incident.retro),
    publishWaiting: (incident.publishing ?? NO_PUBLISHING).outbox.length,
  }
}
