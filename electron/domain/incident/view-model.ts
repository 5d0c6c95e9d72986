import { duePhases, updateDue, type Cadence, type DueState, type Reminders } from '../comms/cadence'
import {
  allowedMoves,
  recurrenceOutcome,
  RECURRABLE,
  RECURRENCE_WINDOW_MS,
  summaryNeeded,
} from '../lifecycle/lifecycle'
import { incidentMetrics, type IncidentMetrics } from '../lifecycle/key-times'
import { isActive, type Status } from '../lifecycle/status'
import { p2HeaderFacts, type P2HeaderFacts } from '../comms/p2-header'
import { isOutstanding, isSilenced } from '../mitigation/mitigation'
import { isRetroDue, retroFacts } from '../retro/due'
import { BACKUP_PROMPT_KINDS, proposeCritical } from '../settings/backup-prompt'
import { incidentView, type Incident, type IncidentView } from '../incident'

/** A plain status move and the summary it asks for (Stabilized: the mitigation; Resolved: the solution). */
export interface StatusMove {
  to: Status
  summary: 'mitigation' | 'solution' | null
}

/**
 * What the renderer shows of one incident, with the rules already applied by the host (the
 * renderer shows, the host computes). Times are the host's clock; each one that changes
 * what is shown without a new event (`recurrence.until`, the update deadlines) is an absolute
 * time, so the renderer only compares its clock with it or asks again when it passes.
 */
export interface IncidentViewModel extends IncidentView {
  /** Active: not yet resolved; the workspace accepts work. */
  active: boolean
  /** The plain moves from the current status, in the policy's order. */
  moves: StatusMove[]
  /**
   * What "It happened again" does now: reopen within 48 hours of the resolution, else a new
   * incident; `until` is when a reopen becomes a new incident. Null while it is not offered.
   */
  recurrence: { outcome: 'reopen' | 'new-incident'; until: string | null } | null
  /** A retrospective is wanted, the incident is resolved and it is not held yet. */
  retroDue: boolean
  /** A new follow-up starts marked critical (severity 1 and 2). */
  proposeCritical: boolean
  /** Action and measure kinds that ask "Take a backup or screenshot first?". */
  backupPromptKinds: string[]
  /** Alarms still silenced and measures neither undone nor kept, by id. */
  silencedAlarmIds: string[]
  outstandingMeasureIds: string[]
  /** The next status update, while active: the deadline, when "due soon" starts, and why. */
  update: {
    dueAt: string
    dueSoonAt: string
    snoozedUntil: string | null
    reason: string
  } | null
  /** What the header says of the P2 post as read back (last update there, its tag, reachable). */
  p2Header: P2HeaderFacts | null
  /**
   * When each state of the update's countdown begins ('ok', 'due-soon', 'overdue'), in order; the
   * window shows the one whose moment has come (`phaseAt`). Empty while not active.
   */
  dueStates: { state: DueState; from: string }[]
  /**
   * Time to detect, stabilize and resolve, and the time in each status counted up to `at` (the
   * host's clock); the status in `counting` (the current one) goes on counting after `at`.
   */
  metrics: IncidentMetrics & { at: string; counting: Status | null }
}

/** What the view needs of the settings: the update cadence and its reminders. */
export interface ViewSettings {
  cadence: Cadence
  reminders: Reminders
}

/** The incident as the renderer shows it, with every rule applied at `now` (the host's clock). */
export function incidentViewModel(
  incident: Incident,
  settings: ViewSettings,
  now: Date,
): IncidentViewModel {
  const active = isActive(incident.status)
  const resolvedAt = incident.keyTimes.resolvedAt
  const due = active ? updateDue(incident, settings.cadence, settings.reminders) : null
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    ...incidentView(incident),
    active,
    moves: allowedMoves(incident.status).map((to) => ({ to, summary: summaryNeeded(to) })),
    recurrence: RECURRABLE.includes(incident.status)
      ? {
          outcome: recurrenceOutcome(incident.status, resolvedAt, now),
          until: resolvedAt ? iso(Date.parse(resolvedAt) + RECURRENCE_WINDOW_MS) : null,
        }
      : null,
    retroDue: isRetroDue(incident, retroFacts(incident)),
    proposeCritical: proposeCritical(incident.severity),
    backupPromptKinds: [...BACKUP_PROMPT_KINDS],
    silencedAlarmIds: incident.alarms.filter(isSilenced).map((a) => a.id),
    outstandingMeasureIds: incident.measures.filter(isOutstanding).map((m) => m.id),
    update: due && {
      dueAt: iso(due.dueAt),
      dueSoonAt: iso(due.dueAt - due.dueSoonMs),
      snoozedUntil: due.snoozedUntil === null ? null : iso(due.snoozedUntil),
      reason: due.reason,
    },
    p2Header: p2HeaderFacts(incident),
    dueStates: due ? duePhases(due).map((p) => ({ state: p.state, from: iso(p.from) })) : [],
    metrics: {
      ...incidentMetrics(incident, now.getTime()),
      at: now.toISOString(),
      counting: incident.statusHistory.at(-1)?.status ?? null,
    },
  }
}
