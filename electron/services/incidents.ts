import { randomUUID } from 'node:crypto'
import { UserError } from '../domain/incident/errors'
import {
  EVENT_DEFINITIONS,
  type IncidentEvent,
  type IncidentEventType,
  type NewEvent,
} from '../domain/events'
import { EVENT_SCHEMA_VERSION } from '../domain/event-schemas'
import { applyEvent, nextSeq, type Incident, type IncidentSummary } from '../domain/incident'
import { recordIncident, type RecordIncident } from '../domain/incident/record'
import type { SeverityScaleId } from '../domain/incident/severity'
import type { IncidentStore } from '../store/incident-store'
import { nameTaken } from '../store/fs-util'
import { UNKNOWN_ACTOR, type Ack, type Command, type CommandContext } from '../domain/command'

/** What a command did: the acknowledgement, the incident after it and the events it appended. */
export interface Executed extends Ack {
  incident: Incident
  events: readonly IncidentEvent[]
}

export interface RepositoryHooks {
  /** Who acts: the name in settings ('' until one is set). */
  actor?: () => string
  /** Told after every command that appended events: pushes, the deadline engine. */
  changed?: () => void
}

/**
 * Incidents in memory over the store: summaries of all, full state of those opened. Every change
 * goes through `commit`: fold first (so a refused event never reaches disk), then append and fsync.
 */
export class IncidentRepository {
  private readonly summaries = new Map<string, IncidentSummary>()
  private readonly loaded = new Map<string, Incident>()
  private sorted: IncidentSummary[] | undefined
  /** Active incidents by id: the tray and the deadline engine never walk the archive for them. */
  private readonly activeIds = new Set<string>()
  /** Incidents changed since the host last asked (`takeChanged`). */
  private readonly changedIds = new Set<string>()
  /**
   * Incidents appended to whose summary is not worked out yet: a command answers once its events
   * are durable, and the summary is made when first read (mostly by what follows the answer).
   */
  private readonly stale = new Set<string>()

  constructor(
    private readonly store: IncidentStore,
    private readonly now: () => Date,
    private readonly newId: () => string = randomUUID,
    private readonly hooks: RepositoryHooks = {},
  ) {
    for (const summary of store.open()) this.put(summary)
    this.changedIds.clear()
  }

  /** Newest first. Sorted once, then kept in order as incidents change (see `put`). */
  list(): IncidentSummary[] {
    this.refresh()
    // Ordinal, not localeCompare: ISO times sort the same, and ICU collation was most of start-up.
    this.sorted ??= [...this.summaries.values()].sort((a, b) =>
      a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0,
    )
    return [...this.sorted]
  }

  /** The active incidents, in no particular order. */
  active(): IncidentSummary[] {
    this.refresh()
    return [...this.activeIds].map((id) => this.summaries.get(id)!)
  }

  /** The version of an incident held in memory (every changed one is), else undefined. */
  loadedVersion(id: string): number | undefined {
    return this.loaded.get(id)?.version
  }

  /** The summary, or undefined when there is no such incident. */
  find(id: string): IncidentSummary | undefined {
    this.refresh()
    return this.summaries.get(id)
  }

  /** The ids changed since the last call: what the deadline engine looks at after a change. */
  takeChanged(): string[] {
    const ids = [...this.changedIds]
    this.changedIds.clear()
    return ids
  }

  summary(id: string): IncidentSummary {
    this.refresh()
    const summary = this.summaries.get(id)
    if (!summary)
      throw new UserError('not-found', `There is no incident ${id}; it may have been removed.`)
    return summary
  }

  get(id: string): Incident {
    const cached = this.loaded.get(id)
    if (cached) return cached
    if (!this.summaries.has(id)) {
      throw new UserError('not-found', `There is no incident ${id}; it may have been removed.`)
    }
    const { incident } = this.store.load(id)
    this.loaded.set(id, incident)
    return incident
  }

  /** The incident, from memory if it is open, else read from disk without keeping it. */
  peek(id: string): Incident {
    return this.loaded.get(id) ?? this.store.load(id).incident
  }

  /**
   * Records a new incident. `more` adds events written in the same append as the recording (a
   * recurrence's link), so the new incident never exists without them.
   */
  record(
    input: RecordIncident,
    scale: SeverityScaleId,
    more: (incidentId: string) => NewEvent[] = () => [],
  ): Incident {
    const now = this.now()
    const incidentId = this.incidentIdFor(now)
    const event = recordIncident(input, { incidentId, eventId: this.newId(), now, scale })
    this.store.create(incidentId)
    return this.append(undefined, [event, ...more(incidentId)]).next
  }

  /** Appends events (their `seq` is assigned here) and returns the incident after them. */
  commit(id: string, events: readonly NewEvent[]): Incident {
    const incident = this.get(id)
    // Written by a newer app: what this one would append could contradict lines it cannot read.
    if (incident.readOnly) throw new UserError('read-only', incident.readOnly)
    return this.append(incident, events).next
  }

  /**
   * The one way a command changes an incident: load it, let the domain decide with a fresh
   * context, append every event it returns in one commit (all or none), tell who listens.
   */
  execute<I>(id: string, command: Command<I>, input: I): Ack {
    const { incident, version } = this.run(id, command, input)
    return { id: incident.id, version }
  }

  /** `execute`, with the incident after it and the events appended (for answers drawn from them). */
  run<I>(id: string, command: Command<I>, input: I): Executed {
    const incident = this.get(id)
    const decided = command(incident, input, this.commandContext())
    // Nothing to write (an unchanged draft, a box already ticked): no commit, no change.
    if (decided.length === 0) return { id, version: incident.version, incident, events: [] }
    if (incident.readOnly) throw new UserError('read-only', incident.readOnly)
    const { next, events } = this.append(incident, decided)
    this.hooks.changed?.()
    return { id, version: next.version, incident: next, events }
  }

  /** What a command gets: fresh ids, now, and who acts. */
  commandContext(): CommandContext {
    return {
      eventId: () => this.newId(),
      now: this.now(),
      by: this.hooks.actor?.() || UNKNOWN_ACTOR,
    }
  }

  /** Picks up an incident the store re-read (after an import wrote or replaced it). */
  reload(id: string): void {
    this.loaded.delete(id)
    this.stale.delete(id)
    const summary = this.store.reload(id)
    if (summary) this.put(summary)
    else this.changedIds.add(id)
  }

  /** Drops an incident an import replaced under another spelling of its id (store.forget). */
  forget(id: string): void {
    this.store.forget(id)
    this.loaded.delete(id)
    this.stale.delete(id)
    const summary = this.summaries.get(id)
    this.summaries.delete(id)
    this.activeIds.delete(id)
    this.changedIds.add(id)
    const at = summary && this.sorted ? this.sorted.indexOf(summary) : -1
    if (at >= 0) this.sorted!.splice(at, 1)
  }

  eventId(): string {
    return this.newId()
  }

  private append(
    current: Incident | undefined,
    events: readonly NewEvent[],
  ): { next: Incident; events: IncidentEvent[] } {
    let next = current
    // Numbered after the highest seq in the log, so a set-aside line's number is never reused.
    const first = nextSeq(current)
    const sequenced: IncidentEvent[] = events.map((e, i) => {
      // Object.assign, not a spread plus fields: see entryFrom (a new hidden class per event).
      const event = Object.assign({}, e, { v: EVENT_SCHEMA_VERSION, seq: first + i })
      checkBeforeAppend(event)
      next = applyEvent(next, event as IncidentEvent)
      return event as IncidentEvent
    })
    if (!next) throw new Error('commit needs at least one event')
    this.store.append(next, sequenced)
    this.loaded.set(next.id, next)
    this.stale.add(next.id)
    this.changedIds.add(next.id)
    return { next, events: sequenced }
  }

  /** Works out the summaries of the incidents appended to since the last read. */
  private refresh(): void {
    if (this.stale.size === 0) return
    for (const id of this.stale) {
      const entry = this.store.entry(id)
      if (entry) this.put(entry.summary)
    }
    this.stale.clear()
  }

  /**
   * Keeps the summaries, the active set and the sorted list up to date for one incident: a change
   * replaces one element (its recording time does not move), a new incident is inserted in place.
   */
  private put(summary: IncidentSummary): void {
    const previous = this.summaries.get(summary.id)
    this.summaries.set(summary.id, summary)
    this.changedIds.add(summary.id)
    if (summary.active) this.activeIds.add(summary.id)
    else this.activeIds.delete(summary.id)
    if (!this.sorted) return
    const at = previous ? this.sorted.indexOf(previous) : -1
    if (at >= 0 && previous!.recordedAt === summary.recordedAt) {
      this.sorted[at] = summary
      return
    }
    if (at >= 0) this.sorted.splice(at, 1)
    // Newest first, after every incident recorded at the same time or later (as a stable sort).
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.sorted[mid]!.recordedAt >= summary.recordedAt) lo = mid + 1
      else hi = mid
    }
    this.sorted.splice(lo, 0, summary)
  }

  /** Readable and sortable: 20261123-0154-3f9a. */
  private incidentIdFor(now: Date): string {
    this.refresh()
    const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
    for (;;) {
      const id = `${stamp}-${this.newId().replace(/-/g, '').slice(-4)}`
      // The folder too: where the file system ignores case, an imported 3F9A is 3f9a's folder.
      if (!this.summaries.has(id) && !nameTaken(this.store.incidentsDir, id)) return id
    }
  }
}

/**
 * The one gate for every append, whatever the event's source (the user, an import, a site's
 * answer): it must pass the schema its type is read back with, or nothing is written. A line the
 * app wrote is never one its own reader would set aside as damaged.
 */
function checkBeforeAppend(event: { type: string }): void {
  const schema = Object.hasOwn(EVENT_DEFINITIONS, event.type)
    ? EVENT_DEFINITIONS[event.type as IncidentEventType]
    : undefined
  const checked = schema?.safeParse(event)
  if (checked?.success) return
  const issue = checked?.error.issues[0]
  const where = issue ? `${issue.path.join('.') || 'event'} ${issue.message}` : 'unknown event type'
  throw new UserError(
    'invalid-event',
    `Nothing was written: the ${event.type} event is not valid (${where}).`,
  )
}
