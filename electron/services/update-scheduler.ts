import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  dueText,
  humanDuration,
  MINUTE,
  overdueRepeatMs,
  updateDue,
  type UpdateDue,
} from '../domain/cadence'
import type { IncidentSummary } from '../domain/incident'
import { severityLabel } from '../domain/severity'
import { writeFileAtomic } from '../store/fs-util'
import type { HostContext } from './context'

/** What was already said about one deadline; kept on disk so a restart never repeats it. */
interface ReminderState {
  dueAt: number
  dueSoonSent: boolean
  dueSent: boolean
  lastOverdueAt: number | null
}

/** The timer never sleeps longer than this, so a changed system clock is noticed within a minute. */
export const MAX_TIMER_MS = 60_000

/**
 * Update reminders. Deadlines are absolute times derived from the incidents; one timer is armed
 * for the nearest moment something could change, capped at a minute, and everything is
 * re-evaluated from the clock on each tick, after every change, and on wake from sleep. So a sleep
 * of three hours yields one "overdue" reminder, not eighteen, and a restart repeats nothing.
 */
export class UpdateScheduler {
  private readonly path: string
  private state: Record<string, ReminderState>
  private cancel: (() => void) | undefined

  constructor(
    private readonly ctx: HostContext,
    /** True while reminders for levels other than 1 must wait (outside working hours). */
    private readonly isQuiet: (now: number) => boolean,
    private readonly onTick: () => void,
  ) {
    this.path = join(ctx.dataDir, 'reminders.json')
    this.state = this.load()
  }

  evaluate(): void {
    const now = this.ctx.now().getTime()
    const { cadence, reminders } = this.ctx.settings.get()
    const next: Record<string, ReminderState> = {}
    let wakeAt = Infinity
    // The same answer for every incident at this moment; costly enough (a time-zone lookup) to ask once.
    let quiet: boolean | undefined
    const isQuiet = () => (quiet ??= this.isQuiet(now))
    for (const incident of this.ctx.incidents.list()) {
      if (!incident.active) continue
      const due = updateDue(incident, cadence, reminders)
      const previous = this.state[incident.id]
      const state = previous && previous.dueAt === due.dueAt ? { ...previous } : fresh(due.dueAt)
      const repeat = overdueRepeatMs(reminders, incident.severity)
      const held =
        (due.snoozedUntil !== null && now < due.snoozedUntil) ||
        (incident.severity !== 1 && isQuiet())
      if (!held) this.remind(incident, due, state, now, repeat)
      next[incident.id] = state
      wakeAt = Math.min(wakeAt, nextMoment(due, state, now, repeat))
    }
    if (JSON.stringify(next) !== JSON.stringify(this.state)) {
      this.state = next
      writeFileAtomic(this.path, JSON.stringify(next))
    }
    this.arm(wakeAt === Infinity ? undefined : wakeAt - now)
    this.onTick()
  }

  stop(): void {
    this.cancel?.()
    this.cancel = undefined
  }

  private remind(
    incident: IncidentSummary,
    due: UpdateDue,
    state: ReminderState,
    now: number,
    repeat: number,
  ): void {
    const label = `${severityLabel(incident.scale, incident.severity)}: ${incident.title}`
    const show = (title: string) =>
      this.ctx.ports.notifier.show({ title, body: label, incidentId: incident.id })
    if (now >= due.dueAt) {
      if (!state.dueSent) {
        // Said once, whether the deadline just passed or the machine slept through it.
        show(
          now - due.dueAt < MINUTE ? 'Status update due now' : `Status update ${dueText(due, now)}`,
        )
        state.dueSent = true
        state.dueSoonSent = true
        state.lastOverdueAt = now
      } else if (state.lastOverdueAt === null || now - state.lastOverdueAt >= repeat) {
        show(`Status update ${dueText(due, now)}`)
        state.lastOverdueAt = now
      }
    } else if (now >= due.dueAt - due.dueSoonMs && !state.dueSoonSent) {
      show(`Status update due in ${humanDuration(due.dueAt - now)}`)
      state.dueSoonSent = true
    }
  }

  private arm(delay: number | undefined): void {
    this.stop()
    if (delay === undefined) return
    const ms = Math.min(Math.max(delay, 1_000), MAX_TIMER_MS)
    this.cancel = this.ctx.ports.clock.setTimer(() => {
      this.cancel = undefined
      this.evaluate()
    }, ms)
  }

  private load(): Record<string, ReminderState> {
    if (!existsSync(this.path)) return {}
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.path, 'utf8'))
      return typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, ReminderState>)
        : {}
    } catch {
      // Only bookkeeping of reminders already shown: at worst one is shown again.
      return {}
    }
  }
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
