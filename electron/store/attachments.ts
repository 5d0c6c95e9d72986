import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
} from 'node:fs'
import { join } from 'node:path'
import { fsyncDir } from './fs-util'
import { nodeFs, writeAll } from './fs-port'

/** The names attachments may have: an event id and .png, nothing that could leave the folder. */
export const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.png$/

/**
 * Writes an attachment durably (temp file, fsync, rename, fsync the folder) so the event that
 * points at it is appended only once the bytes are on disk.
 */
export function writeAttachment(dir: string, file: string, bytes: Uint8Array): void {
  if (!ATTACHMENT_NAME.test(file)) throw new Error(`Invalid attachment name: ${file}`)
  mkdirSync(dir, { recursive: true })
  const path = join(dir, file)
  const tmp = `${path}.tmp-${process.pid}`
  const fd = openSync(tmp, 'w')
  try {
    writeAll(nodeFs, fd, bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  fsyncDir(dir)
}

export function readAttachment(dir: string, file: string): Buffer | undefined {
  if (!ATTACHMENT_NAME.test(file)) return undefined
  const path = join(dir, file)
  return existsSync(path) ? readFileSync(path) : undefined
}
