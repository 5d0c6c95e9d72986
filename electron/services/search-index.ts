import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { searchText } from '../domain/history/search'
import type { Incident } from '../domain/incident'
import { writeFileAtomic } from '../store/fs-util'
import type { IncidentStore } from '../store/incident-store'

const FILE = 'search-index.json'
const VERSION = 1

interface Cached {
  logSize: number
  text: string
}

/**
 * The searchable text of every incident, kept in `search-index.json` so a search never replays
 * a thousand logs. An entry is fresh while its log has the size it was made from; a stale or
 * missing one is rebuilt from the incident on the next search. Like index.json, a cache only.
 */
export class SearchIndex {
  private texts: Map<string, Cached> | undefined
  private dirty = false

  constructor(
    private readonly store: IncidentStore,
    private readonly get: (id: string) => Incident,
  ) {}

  private get path(): string {
    return join(this.store.dataDir, FILE)
  }

  /** The text of each incident, by id; builds what is missing or stale. */
  all(): Map<string, string> {
    const texts = (this.texts ??= this.read())
    const result = new Map<string, string>()
    for (const id of this.store.ids()) {
      const logSize = this.store.logSize(id) ?? -1
      let cached = texts.get(id)
      if (!cached || cached.logSize !== logSize) {
        cached = { logSize, text: searchText(this.get(id)) }
        texts.set(id, cached)
        this.dirty = true
      }
      result.set(id, cached.text)
    }
    return result
  }

  /** Writes the cache if a search built anything new. */
  save(): void {
    if (!this.dirty || !this.texts) return
    writeFileAtomic(
      this.path,
      JSON.stringify({ version: VERSION, incidents: Object.fromEntries(this.texts) }),
    )
    this.dirty = false
  }

  private read(): Map<string, Cached> {
    if (!existsSync(this.path)) return new Map()
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as {
        version?: number
        incidents?: Record<string, Cached>
      }
      if (parsed.version === VERSION && parsed.incidents) {
        return new Map(Object.entries(parsed.incidents))
      }
    } catch {
      // A damaged cache is rebuilt from the logs, which are the truth.
    }
    this.dirty = true
    return new Map()
  }
}
