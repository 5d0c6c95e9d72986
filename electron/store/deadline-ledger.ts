import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { readDelta } from './delta-journal'
import { nodeFs, writeSynced } from './fs-port'
import { fsyncDir, writeFileAtomic } from './fs-util'

export const LEDGER_FILE = 'deadlines.json'
/** The memories changed since deadlines.json was last written, one line per change. */
export const LEDGER_DELTA_FILE = 'deadlines-delta.jsonl'
const VERSION = 1
/** The delta is folded into deadlines.json once it holds this many lines, or a quarter of it. */
const DELTA_MIN_LINES = 200

/** A delta line's value: the memory, or null when it was forgotten. */
type DeltaValue = { memory: unknown } | null

/** Per job, per incident: what the job already said (its own shape, JSON). */
type Memories = Record<string, Record<string, unknown>>

/**
 * What every reminder already said, in one file (`deadlines.json`) so a restart repeats nothing.
 * Bookkeeping only: a lost or damaged ledger means at worst a reminder is said once more. Written
 * only when a memory changed, at `flush`, never per look; and then only the memories that changed,
 * appended (fsynced) to `deadlines-delta.jsonl`, so a change costs one incident's memory, not the
 * whole ledger of every incident. The delta is folded into deadlines.json once it is long, and at
 * close.
 */
export class DeadlineLedger {
  private readonly path: string
  private readonly deltaPath: string
  private memories: Memories
  /** Keys (`job` and incident id) whose memory changed since the last flush. */
  private readonly changed = new Map<string, [job: string, id: string]>()
  private generation = 0
  private deltaLines = 0
  /** Memories held, over every job: the delta is compacted once it is a quarter of them. */
  private size = 0
  /** False when there was no ledger: the deadline engine then imports the old per-job files. */
  readonly existed: boolean
  /** Work counter: memories written at flushes since the ledger was opened (tests read it). */
  written = 0

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, LEDGER_FILE)
    this.deltaPath = join(dataDir, LEDGER_DELTA_FILE)
    this.existed = existsSync(this.path)
    const { memories, generation } = this.existed
      ? read(this.path)
      : { memories: {}, generation: 0 }
    this.memories = memories
    this.generation = generation
    if (this.existed) {
      for (const [key, value] of readDelta<DeltaValue>(this.deltaPath, generation)) {
        const [job, id] = JSON.parse(key) as [string, string]
        const jobMemories = (this.memories[job] ??= {})
        if (value === null) delete jobMemories[id]
        else jobMemories[id] = value.memory
        this.deltaLines++
      }
    }
    for (const m of Object.values(this.memories)) this.size += Object.keys(m).length
  }

  get(job: string, id: string): unknown {
    return this.memories[job]?.[id]
  }

  /** `undefined` forgets. Marks the ledger dirty only if the memory really changed. */
  set(job: string, id: string, memory: unknown): void {
    const memories = (this.memories[job] ??= {})
    if (memory === undefined) {
      if (!Object.hasOwn(memories, id)) return
      delete memories[id]
      this.size--
    } else {
      if (JSON.stringify(memories[id]) === JSON.stringify(memory)) return
      if (!Object.hasOwn(memories, id)) this.size++
      memories[id] = memory
    }
    this.changed.set(JSON.stringify([job, id]), [job, id])
  }

  /** Incident ids that have a memory for any job. */
  ids(): Set<string> {
    return new Set(Object.values(this.memories).flatMap((m) => Object.keys(m)))
  }

  /** Reads a file the old one-service-per-reminder app kept beside the logs, if it is there. */
  legacy(file: string): unknown {
    const path = join(this.dataDir, file)
    if (!existsSync(path)) return undefined
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown
    } catch {
      return undefined
    }
  }

  /** Writes the memories that changed: a line each, or the whole ledger when the delta is long. */
  flush(): void {
    if (this.changed.size === 0) return
    const lines = this.deltaLines + this.changed.size
    if (!existsSync(this.path) || lines > Math.max(DELTA_MIN_LINES, this.size / 4)) {
      return this.writeWhole()
    }
    let text = ''
    for (const [key, [job, id]] of this.changed) {
      const memories = this.memories[job] ?? {}
      const value: DeltaValue = Object.hasOwn(memories, id) ? { memory: memories[id] } : null
      text += JSON.stringify([this.generation, key, value]) + '\n'
    }
    appendSynced(this.deltaPath, text)
    this.written += this.changed.size
    this.deltaLines = lines
    this.changed.clear()
  }

  /** Folds the delta into deadlines.json (at close): the next start reads one file. */
  compact(): void {
    if (this.changed.size > 0 || this.deltaLines > 0) this.writeWhole()
  }

  private writeWhole(): void {
    const generation = this.generation + 1
    writeFileAtomic(
      this.path,
      JSON.stringify({ version: VERSION, generation, jobs: this.memories }),
    )
    this.generation = generation
    // Lines of an older generation left by a crash here are ignored at the next start.
    rmSync(this.deltaPath, { force: true })
    this.written += this.changed.size
    this.deltaLines = 0
    this.changed.clear()
  }
}

/** Appends and fsyncs; a new file's directory entry is made durable too. */
function appendSynced(path: string, text: string): void {
  const created = !existsSync(path)
  writeSynced(nodeFs, path, 'a', Buffer.from(text, 'utf8'))
  if (created) fsyncDir(dirname(path))
}

function read(path: string): { memories: Memories; generation: number } {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as {
      version?: number
      generation?: number
      jobs?: Memories
    }
    if (parsed.version === VERSION && typeof parsed.jobs === 'object' && parsed.jobs) {
      return { memories: parsed.jobs, generation: parsed.generation ?? 0 }
    }
  } catch {
    // Bookkeeping only: at worst one reminder is said again.
  }
  return { memories: {}, generation: 0 }
}
