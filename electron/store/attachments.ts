import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fsyncDirWith, nodeFs, writeSynced, type FsPort } from './fs-port'
import { storageUserError } from './store-notices'
import { NOT_RESERVED } from '../domain/incident/ids'

/**
 * The names attachments may have: an event id and .png, nothing that could leave the folder, and
 * no name Windows keeps for a device (CON.png, nul.png).
 */
export const ATTACHMENT_NAME = new RegExp(`^${NOT_RESERVED}[A-Za-z0-9][A-Za-z0-9_-]{0,80}\\.png$`)

/**
 * Writes an attachment durably (temp file, fsync, rename, fsync the folder) so the event that
 * points at it is appended only once the bytes are on disk.
 */
export function writeAttachment(
  dir: string,
  file: string,
  bytes: Uint8Array,
  fs: FsPort = nodeFs,
): void {
  if (!ATTACHMENT_NAME.test(file)) throw new Error(`Invalid attachment name: ${file}`)
  const path = join(dir, file)
  const tmp = `${path}.tmp-${process.pid}`
  try {
    fs.mkdir(dir)
    writeSynced(fs, tmp, 'w', bytes)
    renameSync(tmp, path)
    fsyncDirWith(fs, dir)
  } catch (err) {
    // Never a half image under its real name; the temp file is not worth keeping.
    rmSync(tmp, { force: true })
    const code = (err as NodeJS.ErrnoException).code
    if (!code) throw err
    throw storageUserError(code, [], 'image')
  }
}

export function readAttachment(dir: string, file: string): Buffer | undefined {
  if (!ATTACHMENT_NAME.test(file)) return undefined
  const path = join(dir, file)
  return existsSync(path) ? readFileSync(path) : undefined
}

/** Removes an attachment no event points at (its event could not be saved). */
export function removeAttachment(dir: string, file: string): void {
  if (ATTACHMENT_NAME.test(file)) rmSync(join(dir, file), { force: true })
}
