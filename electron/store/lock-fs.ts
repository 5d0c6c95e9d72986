import { randomUUID } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs'
import { hostname, uptime } from 'node:os'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files'

// The data folder lock's file-system calls, and what it asks the system (data-lock.ts).
/** Who is asking: this process, unless a test plays another one. */
export interface LockSelf {
  pid: number
  host: string
  /** The machine's start (ms). */
  boot: number
}

/**
 * The file-system calls of the lock, so a test can stop a taker at its worst moment. Each is one
 * system call's worth of work, as the protocol relies on.
 */
export interface LockFs {
  /**
   * Creates `path` with these bytes, whole, and this modification time (ms), only if it does not
   * exist; false if it does.
   */
  createExclusive(path: string, bytes: Uint8Array, mtimeMs: number): boolean
  /** Writes a private file of ours (a takeover's new lock before it is renamed into place). */
  writeFile(path: string, bytes: Uint8Array): void
  read(path: string): Buffer | undefined
  stat(path: string): { ino: number; size: number; mtimeMs: number } | undefined
  /** Sets the modification time (ms). */
  touch(path: string, ms: number): void
  /** Atomic: `to` is replaced, never absent on the way. */
  rename(from: string, to: string): void
  remove(path: string): void
  list(dir: string): string[]
  mkdir(dir: string): void
}

const exists = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST'
const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT'

function writeWhole(fd: number, bytes: Uint8Array): void {
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export const nodeLockFs: LockFs = {
  createExclusive(path, bytes, mtimeMs) {
    // Written whole under a name of its own, then linked into place: link() creates only if the
    // name is free, atomically, so no reader ever sees the lock half-written or without its time.
    const temp = `${path}.new-${randomUUID()}`
    try {
      writeWhole(openSync(temp, 'wx', PRIVATE_FILE_MODE), bytes)
      utimesSync(temp, mtimeMs / 1000, mtimeMs / 1000)
      try {
        linkSync(temp, path)
        return true
      } catch (err) {
        if (exists(err)) return false
        // No hard links here (FAT, some shares): exclusive create, then the bytes.
      }
    } finally {
      rmSync(temp, { force: true })
    }
    let fd: number
    try {
      fd = openSync(path, 'wx', PRIVATE_FILE_MODE)
    } catch (err) {
      if (exists(err)) return false
      throw err
    }
    writeWhole(fd, bytes)
    utimesSync(path, mtimeMs / 1000, mtimeMs / 1000)
    return true
  },
  writeFile(path, bytes) {
    writeWhole(openSync(path, 'w', PRIVATE_FILE_MODE), bytes)
  },
  read(path) {
    try {
      return readFileSync(path)
    } catch (err) {
      if (missing(err)) return undefined
      throw err
    }
  },
  stat(path) {
    const stat = statSync(path, { throwIfNoEntry: false })
    return stat && { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs }
  },
  touch: (path, ms) => utimesSync(path, ms / 1000, ms / 1000),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  list: (dir) => readdirSync(dir),
  mkdir: (dir) => void mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE }),
}

/**
 * The machine's start, from the real clock (not Date, which tests fake) less the uptime. After a
 * restart the same process id may belong to another program: the boot time tells them apart.
 */
function bootTime(): number {
  return Math.round(realNow() - uptime() * 1000)
}

export const realNow = () => performance.timeOrigin + performance.now()

export function thisProcess(): LockSelf {
  return { pid: process.pid, host: hostname(), boot: bootTime() }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but belongs to another user; still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * When a process started (ms, real clock), where the system says so (Linux's /proc: the boot
 * time plus the start in clock ticks, 100 a second); undefined elsewhere.
 */
export function processStartedAt(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After "pid (name) ", the 3rd field on; the start time is the 22nd.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1])
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return undefined
    return btime * 1000 + ticks * 10
  } catch {
    return undefined
  }
}
