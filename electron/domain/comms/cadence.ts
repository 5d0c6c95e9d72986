import { z } from 'zod'
import { humanDuration, phaseAt, type Phase } from '../../shared/time'
import type { CadenceChoice } from './update-events'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
const MAX_CADENCE_MINUTES = 7 * 24 * 60

const minutesBetween = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of minutes.` })
    .int(`${what} must be a whole number of minutes.`)
    .min(1, `${what} must be at least 1 minute.`)
    .max(
      max,
      `${what} can be at most ${max.toLocaleString('en')} minutes (${humanDuration(max * MINUTE)}).`,
    )

/** Minutes between status updates, per severity level (policy: hourly for 1, daily for others). */
export const Cadence = z
  .object({
    '1': minutesBetween('The update interval for level 1', MAX_CADENCE_MINUTES).default(60),
    '2': minutesBetween('The update interval for level 2', MAX_CADENCE_MINUTES).default(1440),
    '3': minutesBetween('The update interval for level 3', MAX_CADENCE_MINUTES).default(1440),
    '4': minutesBetween('The update interval for level 4', MAX_CADENCE_MINUTES).default(1440),
  })
  .prefault({})
export type Cadence = z.output<typeof Cadence>

/** When reminders fire around a deadline. */
export const Reminders = z
  .object({
    /** Warning before an hourly (or shorter) deadline. */
    dueSoonShortMinutes: minutesBetween('"Due soon" before an hourly update', 120).default(10),
    /** Warning before a longer (daily) deadline. */
    dueSoonLongMinutes: minutesBetween('"Due soon" before a daily update', 24 * 60).default(60),
    /** Repeat while overdue, level 1. */
    overdueRepeatLevel1Minutes: minutesBetween('The overdue repeat for level 1', 24 * 60).default(
      10,
    ),
    /** Repeat while overdue, other levels. */
    overdueRepeatOtherMinutes: minutesBetween('The overdue repeat', 24 * 60).default(60),
  })
  .prefault({})
export type Reminders = z.output<typeof Reminders>

export const SNOOZE_CHOICES = [10, 30, 60] as const
export type SnoozeMinutes = (typeof SNOOZE_CHOICES)[number]

export function cadenceMinutes(cadence: Cadence, level: number): number {
  const key = String(Math.min(Math.max(level, 1), 4)) as keyof Cadence
  return cadence[key]
}

/** What the countdown needs of an incident. */
export interface UpdateClock {
  severity: number
  recordedAt: string
  lastUpdateAt: string | null
  snoozedUntil: string | null
  /** Absent in summaries cached before cadence followed the status: treated as pending. */
  status?: string
  cadenceChoice?: CadenceChoice
}

export const CADENCE_CHOICE_LABELS: Record<CadenceChoice, string> = {
  policy: 'as the policy says',
  daily: 'daily',
  news: 'when there is news (at least weekly)',
}
export const DAILY_MINUTES = 24 * 60
/** "When there is news" still asks for an update after a week without one. */
export const NEWS_CAP_MINUTES = 7 * DAILY_MINUTES

/**
 * The interval between updates and why, from the policy: Severity 1 hourly until stabilized
 * (the level's setting), daily otherwise; after Stabilized the lead's choice applies.
 */
export function effectiveCadence(
  incident: Pick<UpdateClock, 'severity' | 'status' | 'cadenceChoice'>,
  cadence: Cadence,
): { minutes: number; reason: string } {
  const level = cadenceMinutes(cadence, incident.severity)
  const pending = !incident.status || incident.status === 'pending'
  const choice = incident.cadenceChoice ?? 'policy'
  if (pending) {
    return {
      minutes: level,
      reason: `${every(level)} until stabilized (Severity ${incident.severity}, policy)`,
    }
  }
  if (choice === 'news') {
    return {
      minutes: NEWS_CAP_MINUTES,
      reason: 'when there is news, at least weekly (lead’s choice)',
    }
  }
  if (choice === 'daily') return { minutes: DAILY_MINUTES, reason: 'daily (lead’s choice)' }
  const minutes = Math.max(level, DAILY_MINUTES)
  return { minutes, reason: `${every(minutes)} once stabilized (policy)` }
}

function every(minutes: number): string {
  if (minutes === 60) return 'hourly'
  if (minutes === DAILY_MINUTES) return 'daily'
  return `every ${humanDuration(minutes * MINUTE)}`
}

export interface UpdateDue {
  /** Absolute deadline (ms since epoch): last posted update (or recording) plus the cadence. */
  dueAt: number
  /** Reminders wait until then, if snoozed. */
  snoozedUntil: number | null
  cadenceMs: number
  /** Why this interval: "hourly until stabilized (Severity 1, policy)". */
  reason: string
  /** How long before the deadline "due soon" starts. */
  dueSoonMs: number
}

/** The deadline is derived from stored absolute times, so a severity change moves it at once. */
export function updateDue(
  incident: UpdateClock,
  cadence: Cadence,
  reminders: Reminders,
): UpdateDue {
  const { minutes, reason } = effectiveCadence(incident, cadence)
  const cadenceMs = minutes * MINUTE
  const from = Date.parse(incident.lastUpdateAt ?? incident.recordedAt)
  const dueSoonMinutes =
    cadenceMs <= HOUR ? reminders.dueSoonShortMinutes : reminders.dueSoonLongMinutes
  return {
    dueAt: from + cadenceMs,
    snoozedUntil: incident.snoozedUntil ? Date.parse(incident.snoozedUntil) : null,
    cadenceMs,
    reason,
    // Never warn before half the interval has passed (a 15-minute cadence, say).
    dueSoonMs: Math.min(dueSoonMinutes * MINUTE, cadenceMs / 2),
  }
}

export type DueState = 'ok' | 'due-soon' | 'overdue'

type DuePhase = Phase<DueState> & { from: number }

/** When each state of a deadline begins: due soon `dueSoonMs` before it, overdue at it. */
export function duePhases(due: UpdateDue): [DuePhase, ...DuePhase[]] {
  return [
    { state: 'ok', from: due.dueAt - due.cadenceMs },
    { state: 'due-soon', from: due.dueAt - due.dueSoonMs },
    { state: 'overdue', from: due.dueAt },
  ]
}

export function dueState(due: UpdateDue, now: number): DueState {
  return phaseAt(duePhases(due), now)
}

export function overdueRepeatMs(reminders: Reminders, level: number): number {
  return (
    (level === 1 ? reminders.overdueRepeatLevel1Minutes : reminders.overdueRepeatOtherMinutes) *
    MINUTE
  )
}

/** "update due in 12 min" or "overdue by 5 min". */
export function dueText(due: UpdateDue, now: number): string {
  return now >= due.dueAt
    ? `overdue by ${humanDuration(now - due.dueAt)}`
    : `update due in ${humanDuration(due.dueAt - now)}`
}
