import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { appendDelta, readDelta } from './delta-journal'
import { writeFileAtomic } from './fs-util'

const FILE = 'search-index.json'
const DELTA_FILE = 'search-index-delta.jsonl'
const VERSION = 1

/** What the search cache holds for one incident: its text, and the log size it was made from. */
export interface SearchCacheEntry {
  logSize: number
  text: string
}

export interface SearchCacheRead {
  /** Undefined when nothing usable is on disk: the next write must be whole. */
  generation: number | undefined
  texts: Map<string, SearchCacheEntry>
  deltaLines: number
}

/**
 * `search-index.json` and its delta, `search-index-delta.jsonl`, in the data folder: the file
 * side of the search cache (electron/services/search-index.ts). A cache only: anything damaged
 * reads as empty and is rebuilt from the logs, which are the truth.
 */
export class SearchIndexFile {
  constructor(private readonly dataDir: string) {}

  private get path(): string {
    return join(this.dataDir, FILE)
  }

  private get deltaPath(): string {
    return join(this.dataDir, DELTA_FILE)
  }

  read(): SearchCacheRead {
    const nothing = { generation: undefined, texts: new Map(), deltaLines: 0 }
    if (!existsSync(this.path)) return nothing
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as {
        version?: number
        generation?: number
        incidents?: Record<string, SearchCacheEntry>
      }
      if (parsed.version !== VERSION || !parsed.incidents) return nothing
      const generation = parsed.generation ?? 0
      const texts = new Map(Object.entries(parsed.incidents))
      let deltaLines = 0
      for (const [id, cached] of readDelta<SearchCacheEntry>(this.deltaPath, generation)) {
        texts.set(id, cached)
        deltaLines++
      }
      return { generation, texts, deltaLines }
    } catch {
      return nothing
    }
  }

  /** Writes every text under a new generation and drops the delta. */
  writeWhole(generation: number, texts: Map<string, SearchCacheEntry>): void {
    writeFileAtomic(
      this.path,
      JSON.stringify({ version: VERSION, generation, incidents: Object.fromEntries(texts) }),
    )
    rmSync(this.deltaPath, { force: true })
  }

  /** Appends the changed texts to the delta of `generation`. */
  appendChanges(generation: number, entries: [string, SearchCacheEntry][]): void {
    appendDelta(this.deltaPath, generation, entries)
  }
}
