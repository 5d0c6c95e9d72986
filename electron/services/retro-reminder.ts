import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Incident } from '../domain/incident'
import { retroDue, retroFacts, type RetroFacts } from '../domain/retro/due'
import type { Settings } from '../domain/settings'
import { severityLabel } from '../domain/severity'
import { writeFileAtomic } from '../store/fs-util'
import type { Clock, Notifier } from './ports'
import { MAX_TIMER_MS } from './update-scheduler'

export interface RetroReminderDeps {
  dataDir: string
  clock: Clock
  notifier: Notifier
  settings: () => Settings
  /** Incidents whose retro may be due (the host passes those its summaries mark due). */
  candidates: () => Incident[]
  facts?: (incident: Incident) => RetroFacts
}

/**
 * "Retrospective due" once per resolution, N working days after it, while the retro is wanted and
 * not held. Like the update scheduler: absolute times, one timer capped at a minute, and what was
 * already said kept on disk (retro-reminders.json) so a restart repeats nothing.
 */
export class RetroReminder {
  private readonly path: string
  /** Incident id → the remindAt already notified. */
  private sent: Record<string, string>
  private cancel: (() => void) | undefined

  constructor(private readonly deps: RetroReminderDeps) {
    this.path = join(deps.dataDir, 'retro-reminders.json')
    this.sent = this.load()
  }

  evaluate(): void {
    const now = this.deps.clock.now()
    const facts = this.deps.facts ?? retroFacts
    const next: Record<string, string> = {}
    let wakeAt = Infinity
    for (const incident of this.deps.candidates()) {
      const { remindAt } = retroDue(incident, new Date(now), this.deps.settings(), facts(incident))
      if (!remindAt) continue
      const at = Date.parse(remindAt)
      if (this.sent[incident.id] === remindAt) {
        next[incident.id] = remindAt
      } else if (now >= at) {
        this.deps.notifier.show({
          title: 'Retrospective due',
          body: `${severityLabel(incident.scale, incident.severity)}: ${incident.title}. Hold a blameless retrospective while it is fresh.`,
          incidentId: incident.id,
        })
        next[incident.id] = remindAt
      } else {
        wakeAt = Math.min(wakeAt, at)
      }
    }
    if (JSON.stringify(next) !== JSON.stringify(this.sent)) {
      this.sent = next
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
    this.cancel = this.deps.clock.setTimer(() => {
      this.cancel = undefined
      this.evaluate()
    }, ms)
  }

  private load(): Record<string, string> {
    if (!existsSync(this.path)) return {}
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.path, 'utf8'))
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {}
    } catch {
      // Bookkeeping only: at worst one reminder is shown again.
      return {}
    }
  }
}
