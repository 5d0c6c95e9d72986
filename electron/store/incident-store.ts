import { readdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../domain/incident/errors'
import { NEWER_VERSION_MESSAGE } from '../domain/event-schemas'
import type { IncidentEvent } from '../domain/events'
import { foldIncident, type Incident, type IncidentSummary } from '../domain/incident'
import { incidentFacts, type IncidentFacts } from '../domain/insights'
import { appendEvents, readEventLog, StorageError, type LogRead } from './event-log'
import { fsyncDirWith, nodeFs, type FsPort } from './fs-port'
import { fileStamp, ignoresCase } from './fs-util'
import { IndexFile, looksLikeFacts, usableEntry, type StoredEntry } from './index-file'
import { entryOf, settledEntryOf } from './index-entry'
import { repairRecurrenceLinks, type IncidentLinks } from './link-repair'
import { noticesOfRead, storageUserError, type StoreNotice } from './store-notices'
import { ID_PATTERN } from '../domain/incident/ids'

export type { StoreNotice } from './store-notices'

export interface IncidentStoreOptions {
  /** The file-system calls appends go through; tests inject faults here. */
  fs?: FsPort
  /** Whether folder names differ by case only; found out on first use unless a test says. */
  ignoresCase?: boolean
}

/**
 * Incidents on disk: `incidents/<id>/events.jsonl` (append-only) and `incidents/<id>/attachments/`.
 * `index.json` caches summaries for a fast start and is always rebuildable from the logs.
 */
export class IncidentStore {
  readonly incidentsDir: string
  readonly fs: FsPort
  private readonly indexFile: IndexFile
  private index = new Map<string, StoredEntry>()
  /** Entries read from index.json, whose facts are in index-facts.json until first needed. */
  private factsUnread = false
  /** Incidents whose entry changed since the index was last written. */
  private readonly unindexed = new Set<string>()
  /** A start-up replayed logs: the next index write rewrites it whole. */
  private compactPending = false
  /** Work counters: logs replayed and index entries serialized since the store opened. */
  readonly work = { replayed: 0, indexed: 0 }
  /** The log sizes the store last read or wrote: bytes beyond them were never acknowledged. */
  private readonly sizes = new Map<string, number>()
  private readonly logPaths = new Map<string, string>()
  private caseBlind: boolean | undefined
  private readonly listeners = new Set<(notice: StoreNotice) => void>()
  /** Every notice since the store was opened, once each. */
  readonly notices: StoreNotice[] = []

  constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
    options: IncidentStoreOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs
    this.caseBlind = options.ignoresCase
    this.incidentsDir = join(dataDir, 'incidents')
    this.indexFile = new IndexFile(dataDir, now, (notice) => this.notify(notice))
    this.fs.mkdir(this.incidentsDir)
  }

  static isValidId(id: string): boolean {
    return ID_PATTERN.test(id)
  }

  /**
   * Whether the incidents folder's file system ignores case in names (macOS and Windows do, by
   * default): then `abc` and `ABC` are one folder, and ids are compared without case.
   */
  get ignoresCase(): boolean {
    return (this.caseBlind ??= ignoresCase(this.incidentsDir))
  }

  /**
   * Forgets an incident whose folder an import moved aside: on a file system that ignores case,
   * one spelled differently replaced it. Its folder is kept beside, as every replaced one; the
   * next index write is whole, without it.
   */
  forget(id: string): void {
    this.index.delete(id)
    this.compactPending = true
  }

  logPath(id: string): string {
    let path = this.logPaths.get(id)
    if (path === undefined) {
      path = join(this.incidentsDir, id, 'events.jsonl')
      this.logPaths.set(id, path)
    }
    return path
  }

  attachmentsDir(id: string): string {
    return join(this.incidentsDir, id, 'attachments')
  }

  /** Hears every notice from now on, whenever the store repairs or sets something aside. */
  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Reads the index, checks it against the logs, and replays any log it does not match. */
  open(): IncidentSummary[] {
    const cached = this.indexFile.read()
    let changed = cached === undefined
    // After a clean close the sizes are the logs' sizes: no stat per log, a single file read.
    const trusted = cached?.trusted === true
    const next = new Map<string, StoredEntry>()
    const keep = (id: string, entry: StoredEntry, size: number) => {
      next.set(id, entry)
      this.sizes.set(id, size)
      // Facts are in index-facts.json (or, inline, of a shape they cannot be used in): read later.
      if (!looksLikeFacts(id, entry.facts)) {
        delete entry.facts
        this.factsUnread = true
      }
    }
    for (const id of readdirSync(this.incidentsDir)) {
      if (!IncidentStore.isValidId(id)) continue
      const known = trusted ? cached.incidents[id] : undefined
      if (usableEntry(id, known)) {
        keep(id, known, known.logSize)
        continue
      }
      const entry = cached?.incidents[id]
      if (entry) {
        // One call, not existsSync then statSync: at start-up, per log, that pair was slow.
        const size = statSync(this.logPath(id), { throwIfNoEntry: false })?.size ?? 0
        if (size === 0) {
          // Its folder was made, its first event never saved: the recording was not acknowledged.
          this.setAsideUnfinished(id)
          continue
        }
        if (entry.logSize === size && usableEntry(id, entry)) {
          keep(id, entry, size)
          continue
        }
      }
      // Not in the index (or the index lost): no stat first, the read gives the size; an empty or
      // missing log is set aside by tryLoad, as above.
      changed = true
      const loaded = this.tryLoad(id)
      // Facts now, not lazily: the index is written below anyway, and holding every replayed
      // incident until then made start-up's garbage collection the largest cost.
      if (loaded) next.set(id, settledEntryOf(loaded.incident, loaded.size))
    }
    this.index = next
    changed = repairRecurrenceLinks(this, next, this.now()) || changed
    if (changed) {
      // Written whole by the next writeIndex (the host's, a moment after start-up): the window
      // does not wait for it. Until then the index on disk is marked as not to be trusted.
      this.compactPending = true
      this.indexFile.markSession(false)
    } else this.indexFile.markSession(trusted)
    return [...this.index.values()].map((e) => e.summary)
  }

  /** Replays one incident's log. Throws if it cannot be read at all. */
  load(id: string): { incident: Incident; size: number } {
    const path = this.logPath(id)
    this.work.replayed++
    const read = readEventLog(path, this.now(), this.fs)
    for (const notice of noticesOfRead(id, path, read)) this.notify(notice)
    this.sizes.set(id, read.size)
    const skipped: string[] = []
    const incident = foldIncident(read.events, (event, why) =>
      skipped.push(`event ${event.seq} (${event.type}): ${why}`),
    )
    if (skipped.length > 0) {
      this.notify({
        kind: 'line-damaged',
        message: `${skipped.length} event(s) of incident ${id} could not be applied and were skipped (${skipped.slice(0, 3).join('; ')}). They stay in the log as they are.`,
      })
    }
    return { incident: withReadOnly(incident, read), size: read.size }
  }

  /** Whether the index on disk lags behind (after a start-up that replayed logs, or a change). */
  get indexPending(): boolean {
    return this.compactPending || this.unindexed.size > 0
  }

  /** Every incident the store knows, in no particular order. */
  ids(): string[] {
    return [...this.index.keys()]
  }

  /** The insight facts of every incident, from the index. */
  facts(): IncidentFacts[] {
    return [...this.settled().values()].flatMap((e) => (e.facts ? [e.facts] : []))
  }

  /**
   * Every entry with its facts: the first time, those of the entries read from index.json come
   * from index-facts.json, or from the incident's log when that file does not hold them (a log
   * that cannot be read is named in a notice, and has none).
   */
  private settled(): ReadonlyMap<string, StoredEntry> {
    if (this.factsUnread) {
      const stored = this.indexFile.readFacts()
      for (const [id, entry] of this.index) {
        if (entry.facts) continue
        entry.facts = stored?.[id] ?? this.factsFromLog(id)
      }
      this.factsUnread = false
    }
    return this.index
  }

  private factsFromLog(id: string): IncidentFacts | undefined {
    const loaded = this.tryLoad(id)
    return loaded && incidentFacts(loaded.incident)
  }

  /** Size of the log as last read or written: search caches compare it to know they are fresh. */
  logSize(id: string): number | undefined {
    return this.index.get(id)?.logSize
  }

  /** Reads an incident whose folder was written from outside (an import); undefined if unreadable. */
  reload(id: string): IncidentSummary | undefined {
    const loaded = this.tryLoad(id)
    if (!loaded) return undefined
    const entry = entryOf(loaded.incident, loaded.size)
    this.index.set(id, entry)
    this.unindexed.add(id)
    return entry.summary
  }

  create(id: string): void {
    if (!IncidentStore.isValidId(id)) throw new Error(`Invalid incident id: ${id}`)
    try {
      this.fs.mkdir(this.attachmentsDir(id))
      fsyncDirWith(this.fs, this.incidentsDir)
    } catch (err) {
      throw storageUserError((err as NodeJS.ErrnoException).code ?? 'EIO', [])
    }
  }

  /**
   * Appends and fsyncs, all or nothing; `incident` is the state after these events. Its index
   * entry (summary, links, facts) is worked out when first read, after the command is answered.
   * A write that cannot be made durable throws a UserError and changes nothing.
   */
  append(incident: Incident, events: readonly IncidentEvent[]): void {
    if (incident.readOnly) throw new UserError('read-only', incident.readOnly)
    let logSize: number
    try {
      logSize = appendEvents(this.logPath(incident.id), events, {
        fs: this.fs,
        expectedSize: this.sizes.get(incident.id),
      })
    } catch (err) {
      if (err instanceof StorageError) throw storageUserError(err.code, events)
      throw err
    }
    this.sizes.set(incident.id, logSize)
    this.index.set(incident.id, entryOf(incident, logSize))
    this.unindexed.add(incident.id)
  }

  /**
   * The index is a cache: written after changes, never needed for correctness. Only the entries
   * that changed are written (index-file.ts); `compact` rewrites it whole, `clean` at close.
   */
  writeIndex(options: { compact?: boolean; clean?: boolean } = {}): void {
    try {
      const compact = options.compact === true || this.compactPending
      this.work.indexed += this.indexFile.write(
        this.index,
        this.unindexed,
        { ...options, compact },
        () => this.settled(),
      )
      this.unindexed.clear()
      this.compactPending = false
    } catch (err) {
      // Start-up replays the logs instead; only worth a word, never a failed command.
      this.notify({
        kind: 'index-unwritten',
        message: `The start-up index could not be saved (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the next start will read every incident log instead. Check the free space of ${this.dataDir}.`,
      })
    }
  }

  notify(notice: StoreNotice): void {
    if (this.notices.some((n) => n.message === notice.message)) return
    this.notices.push(notice)
    for (const listener of this.listeners) listener(notice)
  }

  /** Used by the start-up repair of recurrence links: the entry of one incident, as indexed. */
  entry(id: string): { summary: IncidentSummary; links: IncidentLinks } | undefined {
    return this.index.get(id)
  }

  private tryLoad(id: string): { incident: Incident; size: number } | undefined {
    try {
      return this.load(id)
    } catch (err) {
      if (this.sizes.get(id) === 0) {
        // Only a torn first line was there: the recording itself was never acknowledged.
        this.setAsideUnfinished(id)
        return undefined
      }
      this.notify({
        kind: 'incident-unreadable',
        message: `Incident ${id} could not be read (${(err as Error).message}). Its files are untouched in ${join(this.incidentsDir, id)}.`,
      })
      return undefined
    }
  }

  private setAsideUnfinished(id: string): void {
    const folder = join(this.incidentsDir, id)
    const aside = `${folder}.unfinished-${fileStamp(this.now())}`
    renameSync(folder, aside)
    fsyncDirWith(this.fs, this.incidentsDir)
    this.sizes.delete(id)
    this.notify({
      kind: 'unfinished-incident',
      message: `An incident being recorded when the app stopped (${id}) had no saved event, so it was never recorded. Its folder was kept as ${aside}.`,
    })
  }
}

function withReadOnly(incident: Incident, read: LogRead): Incident {
  return read.unknown.length > 0 ? { ...incident, readOnly: NEWER_VERSION_MESSAGE } : incident
}
