import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOUR, humanDuration } from '../domain/cadence'
import { writeFileAtomic } from '../store/fs-util'
import type { HostContext } from './context'
import { MAX_TIMER_MS } from './update-scheduler'

/** What was already said; on disk so a restart repeats nothing. */
interface AlarmReminderState {
  /** Per `<incident>/<alarm>`: how many whole reminder periods were already announced. */
  periods: Record<string, number>
  /** Incidents already told "Resolved with alarms still silenced" (until they are active again). */
  resolvedWarned: string[]
}

/**
 * Silenced-alarm reminders, in the update scheduler's pattern: deadlines are absolute (silenced at
 * + n periods), one timer capped at a minute, and state on disk. An alarm silenced longer than
 * `mitigation.alarmReminderHours` is announced once, then once per further period; a sleep
 * through several periods yields one reminder, not several.
 */
export class AlarmReminder {
  private readonly path: string
  private state: AlarmReminderState
  private cancel: (() => void) | undefined

  constructor(private readonly ctx: HostContext) {
    this.path = join(ctx.dataDir, 'alarm-reminders.json')
    this.state = this.load()
  }

  evaluate(): void {
    const now = this.ctx.now().getTime()
    const period = this.ctx.settings.get().mitigation.alarmReminderHours * HOUR
    const notify = this.ctx.ports.notifier
    const next: AlarmReminderState = { periods: {}, resolvedWarned: [] }
    let wakeAt = Infinity
    for (const incident of this.ctx.incidents.list()) {
      const silenced = incident.silencedAlarms ?? []
      for (const alarm of silenced) {
        const key = `${incident.id}/${alarm.id}`
        const since = Date.parse(alarm.silencedAt)
        const due = Math.floor((now - since) / period)
        const said = this.state.periods[key] ?? 0
        if (due > said) {
          notify.show({
            title: `Alarm “${alarm.name}” silenced for ${humanDuration(now - since)}`,
            body: `${incident.title}: re-enable it when it is safe, or note why it stays off.`,
            incidentId: incident.id,
          })
        }
        next.periods[key] = Math.max(due, said)
        wakeAt = Math.min(wakeAt, since + (next.periods[key] + 1) * period)
      }
      if (incident.active || !silenced.length) continue
      if (!this.state.resolvedWarned.includes(incident.id)) {
        const n = silenced.length
        notify.show({
          title: `${incident.status === 'resolved' ? 'Resolved' : 'Closed'} with ${n} alarm${n === 1 ? '' : 's'} still silenced`,
          body: `${incident.title}: re-enable ${silenced.map((a) => `“${a.name}”`).join(', ')}.`,
          incidentId: incident.id,
        })
      }
      next.resolvedWarned.push(incident.id)
    }
    if (JSON.stringify(next) !== JSON.stringify(this.state)) {
      this.state = next
      writeFileAtomic(this.path, JSON.stringify(next))
    }
    this.arm(wakeAt === Infinity ? undefined : wakeAt - now)
  }

  stop(): void {
    this.cancel?.()
    this.cancel = undefined
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

  private load(): AlarmReminderState {
    const empty = { periods: {}, resolvedWarned: [] }
    if (!existsSync(this.path)) return empty
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<AlarmReminderState>
      return {
        periods: typeof parsed.periods === 'object' && parsed.periods ? parsed.periods : {},
        resolvedWarned: Array.isArray(parsed.resolvedWarned) ? parsed.resolvedWarned : [],
      }
    } catch {
      // Only bookkeeping of reminders already shown: at worst one is shown again.
      return empty
    }
  }
}
