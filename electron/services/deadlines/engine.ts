import type { Incident, IncidentSummary } from '../../domain/incident'
import type { Settings } from '../../domain/settings/settings'
import type { DeadlineLedger } from '../../store/deadline-ledger'
import type { Clock, Notifier } from '../ports'
import type { DeadlineEnv, DeadlineJob, Reminder } from './job'
import { onePerMoment } from './one-per-moment'

/** The timer never sleeps longer than this, so a changed system clock is noticed within a minute. */
export const MAX_TIMER_MS = 60_000
const MIN_TIMER_MS = 1_000

export interface DeadlineSource {
  /** Every summary: read once, when the engine starts (from the index, no log is replayed). */
  summaries(): Iterable<IncidentSummary>
  summary(id: string): IncidentSummary | undefined
  incident(id: string): Incident
}

export interface DeadlineEngineDeps {
  jobs: readonly DeadlineJob[]
  ledger: DeadlineLedger
  source: DeadlineSource
  clock: Clock
  notifier: Notifier
  settings: () => Settings
  isQuiet?: (now: number) => boolean
  /** After every look (the tray's countdown is refreshed here). */
  onTick?: () => void
}

/**
 * The one scheduler behind every reminder. Deadlines are absolute times the jobs derive from an
 * incident; the engine asks the jobs about the incident that changed, and on its one timer about
 * the incidents whose next moment has come, never the whole archive. The timer is armed for the
 * nearest moment, capped at a minute; a sleep through several deadlines yields one look at wake-up,
 * so one reminder, not a burst. What was said is kept in the ledger, so a restart repeats nothing.
 */
export class DeadlineEngine {
  /** Incidents some job watches, with the next moment worth a look (Infinity: only on change). */
  private readonly watched = new Map<string, number>()
  private cancel: (() => void) | undefined
  private lastSettings: Settings | undefined
  /** Incidents looked at since the engine started: the archive-work test counts them. */
  evaluations = 0

  constructor(private readonly deps: DeadlineEngineDeps) {
    if (!deps.ledger.existed) this.importLegacy()
  }

  /** Looks at every incident a job watches (start-up, or a test's first look). */
  evaluate(): void {
    const ids = new Set(this.deps.ledger.ids())
    for (const summary of this.deps.source.summaries()) {
      if (this.deps.jobs.some((j) => j.watches(summary))) ids.add(summary.id)
    }
    this.look(ids)
  }

  /** After a change: the incidents that changed, and every watched one if the settings did. */
  changed(ids: Iterable<string>): void {
    const settings = this.deps.settings()
    const all = settings !== this.lastSettings
    this.look(all ? new Set([...ids, ...this.watched.keys()]) : ids)
  }

  /** On resume from sleep and on unlock: every watched incident, now. */
  wake(): void {
    this.look(this.watched.keys())
  }

  stop(): void {
    this.cancel?.()
    this.cancel = undefined
  }

  private look(ids: Iterable<string>): void {
    const now = this.deps.clock.now()
    const settings = (this.lastSettings = this.deps.settings())
    let quiet: boolean | undefined
    const env: DeadlineEnv = {
      now,
      settings,
      isQuiet: () => (quiet ??= this.deps.isQuiet?.(now) ?? false),
    }
    for (const id of [...ids]) this.lookAt(id, env)
    this.deps.ledger.flush()
    this.arm(now)
    this.deps.onTick?.()
  }

  private lookAt(id: string, env: DeadlineEnv): void {
    this.evaluations++
    const { ledger, source, jobs } = this.deps
    const summary = source.summary(id)
    let nextAt = Infinity
    let watchedBy = 0
    let incident: Incident | undefined
    const target = { summary: summary!, incident: () => (incident ??= source.incident(id)) }
    const said: Reminder[] = []
    for (const job of jobs) {
      if (!summary || !job.watches(summary)) {
        ledger.set(job.name, id, undefined)
        continue
      }
      watchedBy++
      const result = job.check(target, ledger.get(job.name, id), env)
      said.push(...(result.say ?? []))
      ledger.set(job.name, id, result.memory)
      if (result.nextAt !== undefined) nextAt = Math.min(nextAt, result.nextAt)
    }
    for (const notification of onePerMoment(said)) this.deps.notifier.show(notification)
    if (watchedBy > 0) this.watched.set(id, nextAt)
    else this.watched.delete(id)
  }

  private arm(now: number): void {
    this.stop()
    let nextAt = Infinity
    for (const at of this.watched.values()) nextAt = Math.min(nextAt, at)
    if (nextAt === Infinity) return
    const ms = Math.min(Math.max(nextAt - now, MIN_TIMER_MS), MAX_TIMER_MS)
    this.cancel = this.deps.clock.setTimer(() => {
      this.cancel = undefined
      const at = this.deps.clock.now()
      this.look([...this.watched].filter(([, next]) => next <= at).map(([id]) => id))
    }, ms)
  }

  private importLegacy(): void {
    for (const job of this.deps.jobs) {
      if (!job.legacy) continue
      const parsed = this.deps.ledger.legacy(job.legacy.file)
      if (parsed === undefined) continue
      try {
        for (const [id, memory] of Object.entries(job.legacy.read(parsed))) {
          this.deps.ledger.set(job.name, id, memory)
        }
      } catch {
        // Bookkeeping only: at worst a reminder is said once more.
      }
    }
    this.deps.ledger.flush()
  }
}
