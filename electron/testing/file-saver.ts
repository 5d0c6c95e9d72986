import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FileSaver } from '../services/ports'

/** Stands in for the save dialog: writes into `<dir>/exports` and records what was saved. */
export class RecordingFileSaver implements FileSaver {
  readonly saved: { path: string; content: string | Uint8Array }[] = []
  /** Set to make the next save act as if the user cancelled the dialog. */
  cancelNext = false

  constructor(private readonly dir: string) {}

  save(name: string, content: string | Uint8Array): Promise<string | null> {
    if (this.cancelNext) {
      this.cancelNext = false
      return Promise.resolve(null)
    }
    const folder = join(this.dir, 'exports')
    mkdirSync(folder, { recursive: true })
    const path = join(folder, name)
    writeFileSync(path, content)
    this.saved.push({ path, content })
    return Promise.resolve(path)
  }
}
