import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { EVENT_SCHEMA_VERSION } from '../domain/event-schemas'
import type { IncidentSummary } from '../domain/incident'
import { SEVERITY_SCALE_IDS } from '../domain/incident/severity'
import { isActive, STATUSES } from '../domain/lifecycle/status'
import type { IncidentFacts } from '../domain/insights'
import { appendDelta, readDelta } from './delta-journal'
import { fileStamp, fsyncDir, writeFileAtomic } from './fs-util'
import type { IncidentLinks } from './link-repair'
import type { StoreNotice } from './store-notices'

// 3: entries carry their links; the index is also keyed on the event schema version.
// 4: the facts are in a file of their own, read when first needed.
// 5: the facts count every posted update (copied ones too) from its structured field, and a
//    reopened incident has no resolution time: an earlier index is rebuilt, its facts with it.
const INDEX_VERSION = 5
const DELTA_FILE = 'index-delta.jsonl'
const FACTS_FILE = 'index-facts.json'
/** The delta is folded into index.json once it holds this many lines, or a quarter of the index. */
const DELTA_MIN_LINES = 200

export interface IndexEntry {
  logSize: number
  summary: IncidentSummary
  /** What insights need, so charts over a thousand incidents never replay their logs. */
  facts: IncidentFacts
  /** Recurrence links, so a pair cut in half by a crash is found without replaying every log. */
  links: IncidentLinks
}

/**
 * An entry as index.json holds it: its facts are in index-facts.json, and only Insights and
 * History need them, so start-up does not read them (about 40% of the bytes). Entries from the
 * delta, or changed since, carry theirs.
 */
export type StoredEntry = Omit<IndexEntry, 'facts'> & { facts?: IncidentFacts }

interface IndexJson {
  version: number
  /** A change to what is summarized bumps INDEX_VERSION; a change to events bumps this. */
  eventSchema: number
  /** Lines of `index-delta.jsonl` from another generation are ignored (a crash mid-compaction). */
  generation?: number
  /**
   * Written at a clean close: every log size is as indexed, so start-up reads no log and stats
   * none. A session marks the delta file at start, so a crash leaves the index untrusted.
   */
  clean?: boolean
  incidents: Record<string, StoredEntry>
}

/** index-facts.json: the facts of the index of the same generation. */
interface FactsJson {
  version: number
  eventSchema: number
  generation: number
  facts: Record<string, IncidentFacts>
}

export interface IndexRead {
  incidents: Record<string, StoredEntry>
  /** Closed cleanly: the sizes are the logs' sizes, no log need be checked. */
  trusted: boolean
}

/**
 * `index.json` and its delta: the summaries of every incident for a fast start, a cache always
 * rebuildable from the logs. Only the entries that changed are appended to `index-delta.jsonl`;
 * the whole index is rewritten when asked to compact (after a replay, at close) or once the delta
 * is long, so a change costs what one incident costs, not what the archive costs.
 */
export class IndexFile {
  private readonly path: string
  private readonly deltaPath: string
  private readonly factsPath: string
  private generation = 0
  /** An index was read (or written): index-facts.json may hold its facts. */
  private factsBeside = false
  private deltaLines = 0
  /** index.json on disk was written at a clean close, and nothing has changed since. */
  private diskClean = false

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly notify: (notice: StoreNotice) => void,
  ) {
    this.path = join(dataDir, 'index.json')
    this.deltaPath = join(dataDir, DELTA_FILE)
    this.factsPath = join(dataDir, FACTS_FILE)
  }

  read(): IndexRead | undefined {
    if (!existsSync(this.path)) return undefined
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as IndexJson
      if (typeof parsed.incidents === 'object' && parsed.incidents !== null) {
        // Written by another version of the summaries or events: rebuilt quietly, it is a cache.
        if (parsed.version !== INDEX_VERSION || parsed.eventSchema !== EVENT_SCHEMA_VERSION) {
          return undefined
        }
        const trusted = parsed.clean === true && !existsSync(this.deltaPath)
        this.generation = parsed.generation ?? 0
        this.factsBeside = true
        for (const [id, entry] of readDelta<StoredEntry>(this.deltaPath, this.generation)) {
          parsed.incidents[id] = entry
          this.deltaLines++
        }
        return { incidents: parsed.incidents, trusted }
      }
    } catch {
      // fall through: keep the bad file beside and rebuild
    }
    this.setAside(this.path, 'The incident index')
    return undefined
  }

  /**
   * The facts written with the index that was read, or undefined when they cannot be those (the
   * file lost, damaged, or of another generation): the store then works them out from the logs.
   */
  readFacts(): Record<string, IncidentFacts> | undefined {
    if (!this.factsBeside || !existsSync(this.factsPath)) return undefined
    try {
      const parsed = JSON.parse(readFileSync(this.factsPath, 'utf8')) as FactsJson
      if (typeof parsed.facts !== 'object' || parsed.facts === null) throw new Error('no facts')
      const current =
        parsed.version === INDEX_VERSION &&
        parsed.eventSchema === EVENT_SCHEMA_VERSION &&
        parsed.generation === this.generation
      if (!current) return undefined
      // An entry edited by hand into another shape is worked out again, not shown as it is.
      for (const [id, facts] of Object.entries(parsed.facts)) {
        if (!looksLikeFacts(id, facts)) delete parsed.facts[id]
      }
      return parsed.facts
    } catch {
      this.setAside(this.factsPath, 'The index of insight figures')
      return undefined
    }
  }

  private setAside(path: string, what: string): void {
    const aside = `${path}.corrupt-${fileStamp(this.now())}`
    renameSync(path, aside)
    this.notify({
      kind: 'index-rebuilt',
      message: `${what} was damaged; it was kept as ${aside} and rebuilt from the incident logs.`,
    })
  }

  /**
   * Marks the index as in use before anything can change a log, durably: a crash from now on
   * leaves the delta file behind, and the next start checks every log's size instead of trusting.
   */
  markSession(trusted: boolean): void {
    this.diskClean = trusted
    if (!existsSync(this.deltaPath)) writeFileAtomic(this.deltaPath, '{"session":"open"}\n')
  }

  /**
   * Writes the changed entries (or the whole index); returns how many entries were written. A
   * whole write asks for the entries with their facts (`settled`); changed entries carry theirs.
   */
  write(
    index: ReadonlyMap<string, StoredEntry>,
    changed: ReadonlySet<string>,
    { compact = false, clean = false }: { compact?: boolean; clean?: boolean },
    settled: () => ReadonlyMap<string, StoredEntry>,
  ): number {
    const lines = this.deltaLines + changed.size
    if (clean && lines === 0 && this.diskClean) {
      // Closing after a session that changed nothing: the index on disk is right as it is.
      rmSync(this.deltaPath, { force: true })
      fsyncDir(this.dataDir)
      return 0
    }
    if (
      clean ||
      compact ||
      !existsSync(this.path) ||
      lines > Math.max(DELTA_MIN_LINES, index.size / 4)
    ) {
      return this.writeWhole(settled(), clean)
    }
    const entries = [...changed].flatMap((id): [string, StoredEntry][] => {
      const entry = index.get(id)
      return entry ? [[id, entry]] : []
    })
    this.deltaLines = lines
    return appendDelta(this.deltaPath, this.generation, entries)
  }

  private writeWhole(index: ReadonlyMap<string, StoredEntry>, clean: boolean): number {
    const generation = this.generation + 1
    const incidents: Record<string, StoredEntry> = {}
    const facts: Record<string, IncidentFacts> = {}
    for (const [id, entry] of index) {
      incidents[id] = { logSize: entry.logSize, summary: entry.summary, links: entry.links }
      if (entry.facts) facts[id] = entry.facts
    }
    const head = { version: INDEX_VERSION, eventSchema: EVENT_SCHEMA_VERSION, generation }
    // The facts first: an index whose facts file is of another generation (a crash between the
    // two writes) has its facts worked out again; the reverse would be the same.
    writeFileAtomic(this.factsPath, JSON.stringify({ ...head, facts } satisfies FactsJson))
    writeFileAtomic(this.path, JSON.stringify({ ...head, clean, incidents } satisfies IndexJson))
    this.factsBeside = true
    this.generation = generation
    this.diskClean = clean
    rmSync(this.deltaPath, { force: true })
    this.deltaLines = 0
    return index.size
  }
}

/** The fields Insights and History read, of the types they read them as. */
export function looksLikeFacts(id: string, facts: unknown): facts is IncidentFacts {
  const f = facts as Partial<Record<keyof IncidentFacts, unknown>> | null
  return (
    typeof f === 'object' &&
    f !== null &&
    f.id === id &&
    typeof f.title === 'string' &&
    typeof f.severity === 'number' &&
    typeof f.recordedAt === 'string' &&
    typeof f.detectedAt === 'string' &&
    Array.isArray(f.leads) &&
    Array.isArray(f.updates) &&
    (f.recurrenceOf === null || typeof f.recurrenceOf === 'object')
  )
}

const nullOr = (value: unknown, type: 'string' | 'number') =>
  value === null || typeof value === type
const absentOr = (value: unknown, check: (v: unknown) => boolean) =>
  value === undefined || check(value)

/**
 * An entry start-up can trust as it is: a summary of the shape the app reads, for this incident,
 * and links. Any other (an index edited by hand, a bit flipped in a string) is replayed from its
 * log, so the list never shows an incident without a title or a status.
 */
export function usableEntry(id: string, entry: StoredEntry | undefined): entry is StoredEntry {
  const s = entry?.summary as Partial<Record<keyof IncidentSummary, unknown>> | undefined
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.logSize === 'number' &&
    Array.isArray(entry.links) &&
    typeof s === 'object' &&
    s !== null &&
    s.id === id &&
    typeof s.title === 'string' &&
    typeof s.severity === 'number' &&
    SEVERITY_SCALE_IDS.includes(s.scale as never) &&
    STATUSES.includes(s.status as never) &&
    s.active === isActive(s.status as never) &&
    typeof s.recorder === 'string' &&
    nullOr(s.lead, 'string') &&
    typeof s.area === 'string' &&
    typeof s.recordedAt === 'string' &&
    typeof s.updatedAt === 'string' &&
    nullOr(s.lastUpdateAt, 'string') &&
    nullOr(s.snoozedUntil, 'string') &&
    absentOr(s.silencedAlarms, Array.isArray) &&
    absentOr(s.publishWaiting, (v) => typeof v === 'number') &&
    absentOr(s.openActionItems, (v) => typeof v === 'number')
  )
}
