import { randomUUID } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { nodeFs, writeSynced } from './fs-port'

/** Writes the whole file through a temp file, fsynced, then renamed into place. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`
  // A short write is not an error for write(2): writeSynced loops, or the file is silently cut.
  writeSynced(nodeFs, tmp, 'w', typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
  renameSync(tmp, path)
  fsyncDir(dirname(path))
}

/** Makes a rename or a new file durable; not every platform can open a directory. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** A file-name-safe timestamp: 2026-11-23T01-54-46-123Z. */
export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

/**
 * Whether the folder's file system ignores case in names (macOS and Windows do, by default), by a
 * probe file: made in lower case, looked for in upper case. When it cannot tell, it says yes: the
 * careful answer for comparing ids.
 */
export function ignoresCase(dir: string): boolean {
  const name = `.case-probe-${randomUUID()}`
  try {
    writeFileSync(join(dir, name), '')
    return existsSync(join(dir, name.toUpperCase()))
  } catch {
    return true
  } finally {
    rmSync(join(dir, name), { force: true })
  }
}

/** Whether `name` is in `dir`, however its file system compares names (a folder of another case). */
export function nameTaken(dir: string, name: string): boolean {
  return existsSync(join(dir, name))
}
