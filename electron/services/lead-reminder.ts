import { MINUTE } from '../domain/cadence'
import type { HostContext } from './context'

/**
 * "No lead yet": every N minutes after recording, for each active incident without a lead, one
 * notification. One timer, armed for the nearest due time; everything is recomputed from the
 * clock, so after a long sleep each incident gets ONE reminder, not one per missed slot.
 * Which slot was last announced is kept in memory: a restart may repeat at most one reminder.
 */
export class LeadReminder {
  /** Per incident, the last reminder slot announced (1 = N minutes after recording). */
  private announced = new Map<string, number>()
  private cancel: (() => void) | undefined

  constructor(private readonly ctx: HostContext) {}

  evaluate(): void {
    const now = this.ctx.now().getTime()
    const every = this.ctx.settings.get().leadReminderMinutes * MINUTE
    let nextAt = Infinity
    const waiting = new Set<string>()
    for (const incident of this.ctx.incidents.list()) {
      if (!incident.active || incident.lead) continue
      waiting.add(incident.id)
      const recordedAt = Date.parse(incident.recordedAt)
      const slot = Math.floor((now - recordedAt) / every)
      if (slot >= 1 && slot > (this.announced.get(incident.id) ?? 0)) {
        this.ctx.ports.notifier.show({
          title: `No lead yet: ${incident.title}`,
          body: 'Recording ends once a lead is identified: by default this week’s runner. Choose a lead.',
          incidentId: incident.id,
        })
        this.announced.set(incident.id, slot)
      }
      nextAt = Math.min(nextAt, recordedAt + (slot + 1) * every)
    }
    for (const id of this.announced.keys()) if (!waiting.has(id)) this.announced.delete(id)
    this.arm(nextAt === Infinity ? undefined : nextAt - now)
  }

  stop(): void {
    this.cancel?.()
    this.cancel = undefined
  }

  private arm(delay: number | undefined): void {
    this.stop()
    if (delay === undefined) return
    this.cancel = this.ctx.ports.clock.setTimer(
      () => {
        this.cancel = undefined
        this.evaluate()
      },
      Math.max(delay, 0),
    )
  }
}
