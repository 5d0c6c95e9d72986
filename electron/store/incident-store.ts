import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { IncidentEvent } from '../domain/events'
import { foldIncident, summarize, type Incident, type IncidentSummary } from '../domain/incident'
import { incidentFacts, type IncidentFacts } from '../domain/insights'
import { appendEvents, readEventLog } from './event-log'
import { fileStamp, fsyncDir, writeFileAtomic } from './fs-util'

// 2: entries carry the insight facts.
const INDEX_VERSION = 2
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/

interface IndexEntry {
  logSize: number
  summary: IncidentSummary
  /** What insights need, so charts over a thousand incidents never replay their logs. */
  facts: IncidentFacts
}
interface IndexFile {
  version: number
  incidents: Record<string, IndexEntry>
}

/** Something the user should hear about once: a repaired log, a rebuilt index. */
export interface StoreNotice {
  kind: 'log-repaired' | 'index-rebuilt' | 'incident-unreadable'
  message: string
}

/**
 * Incidents on disk: `incidents/<id>/events.jsonl` (append-only) and `incidents/<id>/attachments/`.
 * `index.json` caches summaries for a fast start and is always rebuildable from the logs.
 */
export class IncidentStore {
  readonly incidentsDir: string
  private readonly indexPath: string
  private index = new Map<string, IndexEntry>()
  readonly notices: StoreNotice[] = []

  constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
  ) {
    this.incidentsDir = join(dataDir, 'incidents')
    this.indexPath = join(dataDir, 'index.json')
    mkdirSync(this.incidentsDir, { recursive: true })
  }

  static isValidId(id: string): boolean {
    return ID_PATTERN.test(id)
  }

  logPath(id: string): string {
    return join(this.incidentsDir, id, 'events.jsonl')
  }

  attachmentsDir(id: string): string {
    return join(this.incidentsDir, id, 'attachments')
  }

  /** Reads the index, checks it against the logs, and replays any log it does not match. */
  open(): IncidentSummary[] {
    const cached = this.readIndex()
    let changed = cached === undefined
    const next = new Map<string, IndexEntry>()
    for (const id of readdirSync(this.incidentsDir)) {
      if (!IncidentStore.isValidId(id) || !existsSync(this.logPath(id))) continue
      const size = statSync(this.logPath(id)).size
      const entry = cached?.incidents[id]
      if (entry && entry.logSize === size) {
        next.set(id, entry)
        continue
      }
      changed = true
      const loaded = this.tryLoad(id)
      // Facts now, not lazily: the index is written below anyway, and holding every replayed
      // incident until then made start-up's garbage collection the largest cost.
      if (loaded) next.set(id, settledEntryOf(loaded.incident, loaded.size))
    }
    this.index = next
    if (changed) this.writeIndex()
    return [...next.values()].map((e) => e.summary)
  }

  /** Replays one incident's log. Throws if it cannot be read at all. */
  load(id: string): { incident: Incident; size: number } {
    const read = readEventLog(this.logPath(id), this.now())
    if (read.setAside) {
      this.notices.push({
        kind: 'log-repaired',
        message: read.setAside.tornTail
          ? `The last line of incident ${id} was cut off by a crash; it was set aside in ${read.setAside.path}. Everything before it is kept.`
          : `${read.setAside.lines} unreadable line(s) of incident ${id} were set aside in ${read.setAside.path}. Everything else is kept.`,
      })
    }
    return { incident: foldIncident(read.events), size: read.size }
  }

  /** Every incident the store knows, in no particular order. */
  ids(): string[] {
    return [...this.index.keys()]
  }

  /** The insight facts of every incident, from the index. */
  facts(): IncidentFacts[] {
    return [...this.index.values()].map((e) => e.facts)
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
    return entry.summary
  }

  create(id: string): void {
    if (!IncidentStore.isValidId(id)) throw new Error(`Invalid incident id: ${id}`)
    mkdirSync(this.attachmentsDir(id), { recursive: true })
    fsyncDir(this.incidentsDir)
  }

  /** Appends and fsyncs; `incident` is the state after these events. Returns its new summary. */
  append(incident: Incident, events: readonly IncidentEvent[]): IncidentSummary {
    const logSize = appendEvents(this.logPath(incident.id), events)
    const entry = entryOf(incident, logSize)
    this.index.set(incident.id, entry)
    return entry.summary
  }

  /** The index is a cache: written after changes, never needed for correctness. */
  writeIndex(): void {
    const file: IndexFile = { version: INDEX_VERSION, incidents: Object.fromEntries(this.index) }
    writeFileAtomic(this.indexPath, JSON.stringify(file))
  }

  private tryLoad(id: string): { incident: Incident; size: number } | undefined {
    try {
      return this.load(id)
    } catch (err) {
      this.notices.push({
        kind: 'incident-unreadable',
        message: `Incident ${id} could not be read (${(err as Error).message}). Its files are untouched in ${join(this.incidentsDir, id)}.`,
      })
      return undefined
    }
  }

  private readIndex(): IndexFile | undefined {
    if (!existsSync(this.indexPath)) return undefined
    try {
      const parsed = JSON.parse(readFileSync(this.indexPath, 'utf8')) as IndexFile
      if (parsed.version === INDEX_VERSION && typeof parsed.incidents === 'object') return parsed
    } catch {
      // fall through: keep the bad file beside and rebuild
    }
    const aside = `${this.indexPath}.corrupt-${fileStamp(this.now())}`
    renameSync(this.indexPath, aside)
    this.notices.push({
      kind: 'index-rebuilt',
      message: `The incident index was damaged; it was kept as ${aside} and rebuilt from the incident logs.`,
    })
    return undefined
  }
}

/** Facts are worked out when first read (insights, writing the index), not on every append. */
function entryOf(incident: Incident, logSize: number): IndexEntry {
  let facts: IncidentFacts | undefined
  let source: Incident | undefined = incident
  return {
    logSize,
    summary: summarize(incident),
    get facts() {
      facts ??= incidentFacts(source!)
      // Worked out once; the incident itself need not be kept for it.
      source = undefined
      return facts
    },
  }
}

function settledEntryOf(incident: Incident, logSize: number): IndexEntry {
  return { logSize, summary: summarize(incident), facts: incidentFacts(incident) }
}
