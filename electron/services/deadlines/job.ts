import type { Incident, IncidentSummary } from '../../domain/incident'
import type { Settings } from '../../domain/settings/settings'
import type { NotificationRequest } from '../ports'

/** What a job sees at the moment it is asked. */
export interface DeadlineEnv {
  now: number
  settings: Settings
  /** Outside working hours with "only Severity 1" on: asked once per look, lazily. */
  isQuiet(): boolean
}

/** One incident, as a job sees it: its summary, and the full incident only if the job asks. */
export interface DeadlineTarget {
  summary: IncidentSummary
  incident(): Incident
}

/** A notification a job wants shown, with the few words that name it beside others. */
export interface Reminder extends NotificationRequest {
  /** "no lead yet", "update overdue by 10 min": how a notification naming several says it. */
  short: string
}

export interface DeadlineCheck<M> {
  /** Notifications to show now; several for one incident at one moment become one. */
  say?: Reminder[]
  /** What to remember (undefined forgets). */
  memory?: M
  /** The next moment anything could change for this incident; omitted when nothing will. */
  nextAt?: number
}

/**
 * One kind of reminder: when it is due for an incident, and what to say. The deadline engine
 * asks it about the incident that changed and, on its timer, about incidents with a deadline
 * ahead; it keeps the job's memory in the ledger and arms the one timer.
 */
export interface DeadlineJob<M = unknown> {
  /** Its key in the ledger. */
  readonly name: string
  /** Cheap, on the summary alone: could this job have anything to say about the incident? */
  watches(summary: IncidentSummary): boolean
  check(target: DeadlineTarget, memory: M | undefined, env: DeadlineEnv): DeadlineCheck<M>
  /** The file the one-service-per-reminder app kept, and how to read its memories by incident. */
  legacy?: { file: string; read(parsed: unknown): Record<string, M> }
}

/** Registers a job with its memory type erased, for the engine's list. */
export function job<M>(definition: DeadlineJob<M>): DeadlineJob {
  return definition as DeadlineJob
}
