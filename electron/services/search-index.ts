import { searchText } from '../domain/insights/search'
import type { Incident } from '../domain/incident'
import type { IncidentStore } from '../store/incident-store'
import { SearchIndexFile, type SearchCacheEntry as Cached } from '../store/search-index-file'

/** The delta is folded into the file once it holds this many lines, or a quarter of the texts. */
const DELTA_MIN_LINES = 200

/**
 * The searchable text of every incident, kept in `search-index.json` so a search never replays
 * a thousand logs. An entry is fresh while its log has the size it was made from; a stale or
 * missing one is rebuilt from the incident on the next search. Like index.json, a cache only,
 * and written like it: the texts that changed are appended to `search-index-delta.jsonl`, and the
 * whole file is rewritten only once that is long.
 */
export class SearchIndex {
  private texts: Map<string, Cached> | undefined
  /** Entries built since the cache was last written. */
  private readonly changed = new Set<string>()
  private generation = 0
  private deltaLines = 0
  private whole = false

  private readonly file: SearchIndexFile

  constructor(
    private readonly store: IncidentStore,
    private readonly get: (id: string) => Incident,
  ) {
    this.file = new SearchIndexFile(store.dataDir)
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
        this.changed.add(id)
      }
      result.set(id, cached.text)
    }
    return result
  }

  /** Writes what a search built: the changed texts only, unless the delta has grown long. */
  save(): void {
    const texts = this.texts
    if (!texts || (this.changed.size === 0 && !this.whole)) return
    const lines = this.deltaLines + this.changed.size
    if (this.whole || lines > Math.max(DELTA_MIN_LINES, texts.size / 4)) {
      this.generation++
      this.file.writeWhole(this.generation, texts)
      this.deltaLines = 0
      this.whole = false
    } else {
      this.file.appendChanges(
        this.generation,
        [...this.changed].map((id): [string, Cached] => [id, texts.get(id)!]),
      )
      this.deltaLines = lines
    }
    this.changed.clear()
  }

  private read(): Map<string, Cached> {
    const { generation, texts, deltaLines } = this.file.read()
    // Nothing usable on disk: the first save writes the whole file.
    this.whole = generation === undefined
    this.generation = generation ?? 0
    this.deltaLines = deltaLines
    return texts
  }
}
