import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from './fs-util'

export const LEDGER_FILE = 'deadlines.json'
const VERSION = 1

/** Per job, per incident: what the job already said (its own shape, JSON). */
type Memories = Record<string, Record<string, unknown>>

/**
 * What every reminder already said, in one file (`deadlines.json`) so a restart repeats nothing.
 * Bookkeeping only: a lost or damaged ledger means at worst a reminder is said once more. Written
 * only when a memory changed, at `flush`, never per look.
 */
export class DeadlineLedger {
  private readonly path: string
  private memories: Memories
  private dirty = false
  /** False when there was no ledger: the deadline engine then imports the old per-job files. */
  readonly existed: boolean

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, LEDGER_FILE)
    this.existed = existsSync(this.path)
    this.memories = this.existed ? read(this.path) : {}
  }

  get(job: string, id: string): unknown {
    return this.memories[job]?.[id]
  }

  /** `undefined` forgets. Marks the ledger dirty only if the memory really changed. */
  set(job: string, id: string, memory: unknown): void {
    const memories = (this.memories[job] ??= {})
    if (memory === undefined) {
      if (!(id in memories)) return
      delete memories[id]
    } else {
      if (JSON.stringify(memories[id]) === JSON.stringify(memory)) return
      memories[id] = memory
    }
    this.dirty = true
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

  flush(): void {
    if (!this.dirty) return
    writeFileAtomic(this.path, JSON.stringify({ version: VERSION, jobs: this.memories }))
    this.dirty = false
  }
}

function read(path: string): Memories {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { version?: number; jobs?: Memories }
    if (parsed.version === VERSION && typeof parsed.jobs === 'object' && parsed.jobs) {
      return parsed.jobs
    }
  } catch {
    // Bookkeeping only: at worst one reminder is said again.
  }
  return {}
}
