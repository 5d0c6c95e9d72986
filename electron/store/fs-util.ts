import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
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
