import { randomUUID } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import {
  DataFolderInUse,
  iso,
  judge,
  look,
  parseOwner,
  sameLock,
  STALE_MS,
  type LockContent,
  type Seen,
  type Verdict,
} from './lock-file'
import { nodeLockFs, realNow, thisProcess, type LockFs, type LockSelf } from './lock-fs'

export { DataFolderInUse, STALE_MS, type LockHolder } from './lock-file'
export { nodeLockFs, type LockFs, type LockSelf } from './lock-fs'

export const LOCK_FILE = 'incident-tray.lock'

/**
 * The heartbeat: the holder touches the lock's mtime at most once a minute, on a wake-up the app
 * has anyway (any timer of the host's clock, a resume from sleep): it costs no wake-up of its own.
 */
export const BEAT_MS = 60_000
/** With nothing else waking the process, the holder's own timer touches the lock this often. */
export const OWN_TIMER_MS = 2 * 60_000
/** A takeover claim this old was left by a process that died in the middle of a takeover. */
const CLAIM_STALE_MS = 30_000

/** The injected clock (the host's): its time stamps the heartbeat, its timers drive it. */
export interface LockClock {
  now(): number
  setTimer(fn: () => void, ms: number): () => void
}

export interface LockOptions {
  fs?: LockFs
  /** Who takes it; a test plays another process. */
  self?: LockSelf
}

/**
 * One lock, taken: beats, notices when it was taken over, releases only if still its own.
 */
export class HeldLock {
  private lastBeat: number
  private cancelTimer: (() => void) | undefined
  private lost = false
  private released = false
  private readonly lostListeners = new Set<(message: string) => void>()

  constructor(
    readonly path: string,
    private readonly token: string,
    private readonly bytes: Buffer,
    private readonly clock: LockClock,
    private readonly fs: LockFs,
  ) {
    this.lastBeat = clock.now()
    this.schedule()
  }

  /** Touches the lock if a minute has passed since the last touch; cheap otherwise. */
  beat(): void {
    if (this.lost || this.released) return
    const now = this.clock.now()
    if (now - this.lastBeat < BEAT_MS) return
    this.lastBeat = now
    this.schedule()
    try {
      const current = this.fs.read(this.path)
      if (current === undefined) {
        // Removed by hand: still ours to write, so it is made again, unless someone was quicker.
        if (!this.fs.createExclusive(this.path, this.bytes, now)) this.lose()
        return
      }
      if (parseOwner(current)?.token !== this.token) return this.lose()
      this.fs.touch(this.path, now)
    } catch {
      // A full disk or a lost share: the next beat tries again; the lock goes stale only after
      // several minutes without one.
    }
  }

  /** Hears once that another process took the lock over (this one was judged gone). */
  onLost(listener: (message: string) => void): () => void {
    this.lostListeners.add(listener)
    return () => this.lostListeners.delete(listener)
  }

  release(): void {
    if (this.released) return
    this.released = true
    this.cancelTimer?.()
    // Only our own: a lock another process took over is theirs to remove.
    const current = this.fs.read(this.path)
    if (current && parseOwner(current)?.token === this.token) this.fs.remove(this.path)
  }

  private schedule(): void {
    this.cancelTimer?.()
    this.cancelTimer = this.clock.setTimer(() => {
      this.cancelTimer = undefined
      this.beat()
    }, OWN_TIMER_MS)
  }

  private lose(): void {
    this.lost = true
    this.cancelTimer?.()
    let holder: LockContent | undefined
    try {
      holder = look(this.path, this.fs)?.owner
    } catch {
      // Unreadable: the message names no one.
    }
    const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another process'
    const message = `Another Incident Tray (${who}) took over the data folder ${dirname(this.path)}: this one did not update its lock for ${STALE_MS / 60_000} minutes (was the computer asleep?). Quit this one; changes made here from now on may be numbered twice.`
    for (const listener of this.lostListeners) listener(message)
  }
}

/**
 * Takes the lock at `path` for one process: exclusive create; a lock found there is taken over
 * only when its holder is provably gone (see `judge`), and never by two takers at once: a taker
 * first creates a claim named after the exact lock it judged (inode, size, mtime), which only one
 * process can create; holding it, it checks the lock is still that one and renames its own over
 * it, so the lock file is never absent on the way and a plain create cannot slip in between.
 * Throws DataFolderInUse when it is not free.
 */
export function takeLock(
  path: string,
  clock: LockClock,
  { fs = nodeLockFs, self = thisProcess() }: LockOptions = {},
): HeldLock {
  const dataDir = dirname(path)
  fs.mkdir(dataDir)
  const token = randomUUID()
  const content: LockContent = {
    pid: self.pid,
    host: self.host,
    since: iso(clock.now()),
    boot: new Date(self.boot).toISOString(),
    written: Math.round(realNow()),
    token,
    beat: BEAT_MS,
  }
  const bytes = Buffer.from(JSON.stringify(content))
  let last: Verdict | undefined
  for (let attempt = 0; attempt < 20; attempt++) {
    // Its age is measured by the injected clock, as every heartbeat after it.
    if (fs.createExclusive(path, bytes, clock.now())) {
      return new HeldLock(path, token, bytes, clock, fs)
    }
    const seen = look(path, fs)
    if (!seen) continue // released meanwhile: create again
    last = judge(seen, self, clock.now())
    if (!last.gone) break
    const outcome = takeOver(path, seen, bytes, clock, fs)
    if (outcome === 'taken') return new HeldLock(path, token, bytes, clock, fs)
    // 'busy': another process is taking this very lock over right now; look again shortly.
    if (outcome === 'busy') sleep(20)
  }
  if (last && !last.gone) throw new DataFolderInUse(dataDir, last.holder, last.freeAt)
  throw new DataFolderInUse(dataDir, undefined, undefined)
}

function takeOver(
  path: string,
  seen: Seen,
  bytes: Buffer,
  clock: LockClock,
  fs: LockFs,
): 'taken' | 'changed' | 'busy' {
  const prefix = `${path}.takeover-${seen.stat.ino}-${seen.stat.size}-${Math.round(seen.stat.mtimeMs)}-`
  for (let n = 0; n < 10; n++) {
    const claim = `${prefix}${n}`
    if (!fs.createExclusive(claim, bytes, clock.now())) {
      const other = fs.stat(claim)
      // Gone already (its taker is done), or being used now: look at the lock again.
      if (!other || Math.abs(clock.now() - other.mtimeMs) < CLAIM_STALE_MS) return 'busy'
      continue // left by a taker that died on the way: the next number decides
    }
    try {
      const now = look(path, fs)
      if (!now || !sameLock(now, seen)) return 'changed'
      const fresh = `${path}.new-${randomUUID()}`
      try {
        fs.writeFile(fresh, bytes)
        fs.touch(fresh, clock.now())
        fs.rename(fresh, path)
      } catch {
        fs.remove(fresh)
        return 'changed'
      }
      // Every claim on the lock that is gone, crashed takers' too.
      const dir = dirname(path)
      const name = basename(prefix)
      for (const file of fs.list(dir)) if (file.startsWith(name)) fs.remove(join(dir, file))
      return 'taken'
    } finally {
      fs.remove(claim)
    }
  }
  return 'busy'
}

const pause = new Int32Array(new SharedArrayBuffer(4))
const sleep = (ms: number) => void Atomics.wait(pause, 0, 0, ms)

/** Folders this process holds, with how many hosts share each (tests open a folder twice). */
const held = new Map<string, { lock: HeldLock; count: number }>()

/** What the host holds: the shared lock of its data folder. */
export interface DataFolderLock {
  /** Touches the lock if a minute has passed since the last touch: call it on any wake-up. */
  beat(): void
  onLost(listener: (message: string) => void): () => void
  release(): void
}

/**
 * One writer per data folder: `incident-tray.lock` names the process that writes it. Two
 * processes on one folder (two profiles sharing INCIDENT_TRAY_DATA_DIR, two computers sharing a
 * synced folder) would number events twice and never see each other's incidents, so the second is
 * refused, saying who holds it, before it writes anything. The holder touches the lock about once a
 * minute (`beat`); a lock is taken over only when its holder is provably gone: its process ended or
 * its id now names a younger process (same computer), the computer restarted since, or nobody
 * touched the lock for five minutes (a computer renamed, a holder on another computer). An empty
 * or half-written lock is a process starting: its age decides too.
 */
export function lockDataFolder(
  dataDir: string,
  clock: LockClock,
  options: LockOptions = {},
): DataFolderLock {
  const path = join(dataDir, LOCK_FILE)
  let entry = held.get(path)
  if (!entry) {
    entry = { lock: takeLock(path, clock, options), count: 0 }
    held.set(path, entry)
  }
  entry.count++
  const mine = entry
  const unsubscribes: (() => void)[] = []
  let released = false
  return {
    beat: () => mine.lock.beat(),
    onLost: (listener) => {
      const off = mine.lock.onLost(listener)
      unsubscribes.push(off)
      return off
    },
    release: () => {
      if (released) return
      released = true
      for (const off of unsubscribes) off()
      if (--mine.count > 0) return
      held.delete(path)
      mine.lock.release()
    },
  }
}

/**
 * Whether the folder's lock is free or its holder provably gone now, without taking it: the
 * start-up failure page asks this to offer "Open anyway".
 */
export function probeDataFolder(
  dataDir: string,
  clock: Pick<LockClock, 'now'>,
  { fs = nodeLockFs, self = thisProcess() }: LockOptions = {},
): { free: true; why: string } | { free: false; error: DataFolderInUse } {
  const seen = look(join(dataDir, LOCK_FILE), fs)
  if (!seen) return { free: true, why: 'nobody holds it' }
  const verdict = judge(seen, self, clock.now())
  if (verdict.gone) return { free: true, why: verdict.why }
  return { free: false, error: new DataFolderInUse(dataDir, verdict.holder, verdict.freeAt) }
}

/**
 * A clock whose every timer also beats the lock: the heartbeat rides on wake-ups that happen
 * anyway (the deadline engine's minute, a publish retry, the index write).
 */
export function beatingClock(clock: LockClock, lock: Pick<DataFolderLock, 'beat'>): LockClock {
  return {
    now: () => clock.now(),
    setTimer: (fn: () => void, ms: number) =>
      clock.setTimer(() => {
        try {
          fn()
        } finally {
          lock.beat()
        }
      }, ms),
  }
}
