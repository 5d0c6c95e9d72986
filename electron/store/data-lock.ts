import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../domain/incident/errors'

export const LOCK_FILE = 'incident-tray.lock'

/** Folders this process holds, with how many hosts share each (tests open a folder twice). */
const held = new Map<string, number>()

interface LockContent {
  pid: number
  host: string
  since: string
  /** When the machine started, as the writer saw it: a lock from an earlier boot is stale. */
  boot?: string
}

/**
 * The machine's start, from the real clock (not Date, which tests fake) less the uptime. After a
 * restart the same process id may belong to another program: the boot time tells them apart.
 */
function bootTime(): number {
  return Math.round(performance.timeOrigin + performance.now() - uptime() * 1000)
}
/** Uptime is read in whole seconds on some systems; a minute apart is another boot. */
const SAME_BOOT_MS = 60_000

/**
 * One writer per data folder: `incident-tray.lock` holds the pid of the process that writes it.
 * Two processes on one folder (two profiles sharing INCIDENT_TRAY_DATA_DIR) would number events
 * twice and never see each other's incidents, so the second is refused before it writes
 * anything. A lock whose process is gone (a crash, a power cut), or that was written before the
 * machine last started (its process id may now be another program's), is stale and taken over.
 * Returns the release function.
 */
export function lockDataFolder(dataDir: string, now: Date): () => void {
  const path = join(dataDir, LOCK_FILE)
  const count = held.get(path) ?? 0
  if (count === 0) {
    mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    take(path, dataDir, now)
  }
  held.set(path, count + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (held.get(path) ?? 1) - 1
    if (left > 0) return void held.set(path, left)
    held.delete(path)
    rmSync(path, { force: true })
  }
}

function take(path: string, dataDir: string, now: Date): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      // 'wx': created only if absent, atomically, so two starting processes cannot both win.
      fd = openSync(path, 'wx', PRIVATE_FILE_MODE)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = readOwner(path)
      if (
        owner &&
        owner.host === hostname() &&
        !fromEarlierBoot(owner) &&
        isAlive(owner.pid) &&
        owner.pid !== process.pid
      ) {
        throw inUse(dataDir, path, owner)
      }
      if (owner && owner.host !== hostname()) throw inUse(dataDir, path, owner)
      // Stale: its process is gone (or it is this process's own, left by a crash before reuse).
      rmSync(path, { force: true })
      continue
    }
    const content: LockContent = {
      pid: process.pid,
      host: hostname(),
      since: now.toISOString(),
      boot: new Date(bootTime()).toISOString(),
    }
    try {
      writeSync(fd, JSON.stringify(content))
    } finally {
      closeSync(fd)
    }
    return
  }
  throw inUse(dataDir, path, readOwner(path))
}

function readOwner(path: string): LockContent | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>
    if (typeof value.pid === 'number' && typeof value.host === 'string') {
      const boot = typeof value.boot === 'string' ? { boot: value.boot } : {}
      return { pid: value.pid, host: value.host, since: String(value.since), ...boot }
    }
  } catch {
    // Half-written or not ours: treated as stale.
  }
  return undefined
}

function fromEarlierBoot(owner: LockContent): boolean {
  const boot = owner.boot === undefined ? NaN : Date.parse(owner.boot)
  return Number.isFinite(boot) && Math.abs(bootTime() - boot) > SAME_BOOT_MS
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but belongs to another user; still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function inUse(dataDir: string, path: string, owner: LockContent | undefined): UserError {
  const who = owner
    ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.since}`
    : 'another process'
  return new UserError(
    'data-folder-in-use',
    `Another Incident Tray (${who}) is using the data folder ${dataDir}. Nothing was written. Quit the other one, or start this one with another folder (INCIDENT_TRAY_DATA_DIR). If no other Incident Tray is running, delete ${path}.`,
  )
}
