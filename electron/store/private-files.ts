import { chmodSync, lstatSync, readdirSync, type Dirent } from 'node:fs'
import { join } from 'node:path'

/**
 * The data folder holds what the user wrote during incidents (logs, screenshots, settings, the
 * encrypted password): only its owner may read it. Folders are made 0700 and files 0600 when
 * created (fs-port.ts, fs-util.ts, the settings backend's `configFileMode`); folders made by
 * versions before that are tightened once, at start-up.
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * Tightens the data folder, its subfolders and files written before they were created private.
 * A folder already 0700 was tightened before (everything in it is created private since), so a
 * start-up costs one stat. Symbolic links are left alone (their target is not ours to change).
 * Returns notices for what could not be changed; Windows has no such modes and is skipped.
 */
export function tightenDataFolder(
  dataDir: string,
  chmod: (path: string, mode: number) => void = chmodSync,
  platform: NodeJS.Platform = process.platform,
): string[] {
  if (platform === 'win32') return []
  let top: ReturnType<typeof lstatSync>
  try {
    top = lstatSync(dataDir)
  } catch {
    return []
  }
  if (!top.isDirectory() || (top.mode & 0o777) === PRIVATE_DIR_MODE) return []
  const failed: string[] = []
  const set = (path: string, mode: number) => {
    try {
      if ((lstatSync(path).mode & 0o777) !== mode) chmod(path, mode)
    } catch {
      failed.push(path)
    }
  }
  const walk = (dir: string) => {
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      failed.push(dir)
      return
    }
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        set(path, PRIVATE_DIR_MODE)
        walk(path)
      } else if (entry.isFile()) set(path, PRIVATE_FILE_MODE)
    }
  }
  walk(dataDir)
  // The folder itself last: while anything inside failed, the next start looks again.
  if (failed.length === 0) set(dataDir, PRIVATE_DIR_MODE)
  if (failed.length === 0) return []
  const shown = failed.slice(0, 3).join(', ')
  return [
    `Some files in the data folder could not be made private to you (${shown}${
      failed.length > 3 ? ` and ${failed.length - 3} more` : ''
    }); other users of this computer may be able to read them. Check their owner and permissions.`,
  ]
}
