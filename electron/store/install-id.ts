import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from './fs-util'

/** The file that names this install; it stays in the data folder and never goes into a backup. */
export const INSTALL_ID_FILE = 'install-id'

const SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * This install's id: publishes are sent only by the install that queued them, so a log that came
 * from somewhere else (a colleague's backup) never sends anything by itself. Made on first use;
 * a damaged file is replaced (items queued under the old id then wait for one Retry click).
 */
export function installId(dataDir: string): string {
  const path = join(dataDir, INSTALL_ID_FILE)
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim()
    if (SHAPE.test(kept)) return kept
  }
  const id = randomUUID()
  writeFileAtomic(path, `${id}\n`)
  return id
}
