import { PRIVATE_DIR_MODE } from './private-files'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs'
import { join } from 'node:path'
import { ATTACHMENT_NAME } from './attachments'
import { fileStamp, fsyncDir, writeFileAtomic } from './fs-util'
import type { IncidentStore } from './incident-store'

export type { Stats as FileStats }

/** One incident's files as a backup carries them: its event log and its images by name. */
export interface IncidentFiles {
  id: string
  log: Uint8Array
  images: ReadonlyMap<string, Uint8Array>
  /**
   * The incident here it replaces, as spelled here: its id, or on a file system that ignores
   * case, the id that differs from it only in case (the same folder).
   */
  replaces?: string
}

/** An incident's event log as it is on disk, bytes and all. */
export function readLogBytes(store: IncidentStore, id: string): Buffer {
  return readFileSync(store.logPath(id))
}

/** The names of an incident's images, sorted; none when it has no attachments folder. */
export function listImages(store: IncidentStore, id: string): string[] {
  const dir = store.attachmentsDir(id)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => ATTACHMENT_NAME.test(name))
    .sort()
}

export function readImage(store: IncidentStore, id: string, name: string): Buffer {
  return readFileSync(join(store.attachmentsDir(id), name))
}

/** stat, not read: a FIFO or a device named x.zip would block a read for good. Throws if absent. */
export function statFile(path: string): Stats {
  return statSync(path)
}

export function readFileBytes(path: string): Buffer {
  return readFileSync(path)
}

/**
 * Writes these incidents into the store. A replaced incident's folder is kept beside as
 * `<id>.replaced-<time>`, never deleted. Each incident is written whole in a staging folder first,
 * then renamed into place. Returns the ids written.
 */
export function installIncidents(
  store: IncidentStore,
  incidents: readonly IncidentFiles[],
  now: Date,
): string[] {
  const stamp = fileStamp(now)
  const staging = join(store.incidentsDir, `.import-${stamp}`)
  const written: string[] = []
  try {
    for (const item of incidents) {
      const folder = join(staging, item.id)
      mkdirSync(join(folder, 'attachments'), { recursive: true, mode: PRIVATE_DIR_MODE })
      writeFileAtomic(join(folder, 'events.jsonl'), Buffer.from(item.log))
      for (const [name, bytes] of item.images) {
        writeFileAtomic(join(folder, 'attachments', name), Buffer.from(bytes))
      }
      const target = join(store.incidentsDir, item.id)
      const here = join(store.incidentsDir, item.replaces ?? item.id)
      if (existsSync(here)) renameSync(here, unusedName(`${here}.replaced-${stamp}`))
      renameSync(folder, target)
      written.push(item.id)
    }
    fsyncDir(store.incidentsDir)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return written
}

/** `base`, or `base-2`, `base-3`…: two imports within one second keep both replaced copies. */
function unusedName(base: string): string {
  let path = base
  for (let n = 2; existsSync(path); n++) path = `${base}-${n}`
  return path
}
