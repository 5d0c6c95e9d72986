import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs'
import { join, sep } from 'node:path'

const MAX_BYTES = 1_000_000

/** The names in a folder (not its subfolders), sorted; throws if it is not a readable folder. */
export function listFolder(folder: string): string[] {
  if (!statSync(folder).isDirectory()) throw new Error('not a folder')
  return readdirSync(folder).sort((a, b) => a.localeCompare(b))
}

/**
 * A runbook file's bytes, or why it is skipped: checked on the open descriptor before a byte is
 * read, so a FIFO named x.md cannot block (opened non-blocking, then refused), a device is not
 * read, a file over 1 MB is not loaded, and a link leading out of the folder is not followed.
 */
export function readRunbookFile(folder: string, file: string): Uint8Array | string {
  const path = join(folder, file)
  let target = path
  if (lstatSync(path).isSymbolicLink()) {
    target = realpathSync(path)
    if (!target.startsWith(realpathSync(folder) + sep)) {
      return 'a link to a file outside the folder; copy the file into the folder instead'
    }
  }
  const fd = openSync(
    target,
    constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0),
  )
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return 'a folder; only .md and .markdown files are imported'
    if (!stat.isFile()) return 'not a regular file (a pipe, socket or device)'
    if (stat.size > MAX_BYTES) {
      return `too large (${Math.round(stat.size / 1000)} kB; a runbook is at most 1 MB)`
    }
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Whether `file` in `folder` is a folder; false when it cannot be looked at. */
export function isFolderIn(folder: string, file: string): boolean {
  try {
    return statSync(join(folder, file)).isDirectory()
  } catch {
    return false
  }
}
