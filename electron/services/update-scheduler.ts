import { humanDuration } from '../shared/time'
import {
  dueText,
  MINUTE,
  overdueRepeatMs,
  updateDue,
  type UpdateDue,
} from '../domain/comms/cadence'
import type { IncidentSummary } from '../domain/incident'
import { severityLabel } from '../domain/incident/severity'
import { MAX_TIMER_MS } from './deadlines/engine'
import { job, type Reminder } from './deadlines/job'

/** What was already said about one deadline. */
interface ReminderState {
  dueAt: number
  dueSoonSent: boolean
  dueSent: boolean
  lastOverdueAt: number | null
}

/**
 * Update reminders: "due in 10 min", "due now", then "overdue by …" every repeat period, from the
 * absolute deadline the cadence gives (last posted update, or recording, plus the cadence). A
 * sleep of three hours yields one "overdue" reminder, not eighteen: the engine looks once at
 * wake-up, and a new deadline starts a fresh memory.
 */
export const updateReminderJob = job<ReminderState>({
  name: 'update',
  watches: (summary) => summary.active,
  check({ summary }, previous, { now, settings, isQuiet }) {
    const { cadence, reminders } = settings
    const due = updateDue(summary, cadence, reminders)
    const state = previous && previous.dueAt === due.dueAt ? { ...previous } : fresh(due.dueAt)
    const repeat = overdueRepeatMs(reminders, summary.severity)
    const held =
      (due.snoozedUntil !== null && now < due.snoozedUntil) || (summary.severity !== 1 && isQuiet())
    const say = held ? [] : remind(summary, due, state, now, repeat)
    return { say, memory: state, nextAt: nextMoment(due, state, now, repeat) }
  },
  // reminders.json: incident id → ReminderState, the same shape.
  legacy: { file: 'reminders.json', read: (parsed) => parsed as Record<string, ReminderState> },
})

function remind(
  incident: IncidentSummary,
  due: UpdateDue,
  state: ReminderState,
  now: number,
  repeat: number,
): Reminder[] {
  const body = `${severityLabel(incident.scale, incident.severity)}: ${incident.title}`
  // "Status update due now" alone; "update due now · no lead yet" beside another reminder.
  const say = (what: string) => [
    { title: `Status ${what}`, body, incidentId: incident.id, short: what },
  ]
  if (now >= due.dueAt) {
    if (!state.dueSent) {
      state.dueSent = true
      state.dueSoonSent = true
      state.lastOverdueAt = now
      // Said once, whether the deadline just passed or the machine slept through it.
      return say(now - due.dueAt < MINUTE ? 'update due now' : `update ${dueText(due, now)}`)
    }
    if (state.lastOverdueAt === null || now - state.lastOverdueAt >= repeat) {
      state.lastOverdueAt = now
      return say(`update ${dueText(due, now)}`)
    }
  } else if (now >= due.dueAt - due.dueSoonMs && !state.dueSoonSent) {
    state.dueSoonSent = true
    return say(`update due in ${humanDuration(due.dueAt - now)}`)
  }
  return []
}

function fresh(dueAt: number): ReminderState {
  return { dueAt, dueSoonSent: false, dueSent: false, lastOverdueAt: null }
}

/** The next moment this incident's reminders could change. */
function nextMoment(due: UpdateDue, state: ReminderState, now: number, repeat: number): number {
  const candidates = [
    due.dueAt - due.dueSoonMs,
    due.dueAt,
    state.lastOverdueAt !== null ? state.lastOverdueAt + repeat : Infinity,
    due.snoozedUntil ?? Infinity,
  ].filter((t) => Number.isFinite(t) && t > now)
  // While overdue and quiet, look again within the cap.
  return candidates.length ? Math.min(...candidates) : now + MAX_TIMER_MS
}
