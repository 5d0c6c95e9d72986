import { hostname } from 'node:os'
import { UserError } from '../domain/incident/errors'
import { isAlive, processStartedAt, type LockFs, type LockSelf } from './lock-fs'

// What a lock file says, and whether its holder is provably gone (data-lock.ts).

/** A lock nobody touched for this long has no live holder: it is stale and taken over. */
export const STALE_MS = 5 * 60_000
/** Uptime is read in whole seconds on some systems; a minute apart is another boot. */
const SAME_BOOT_MS = 60_000

/** What a lock file holds. */
export interface LockContent {
  pid: number
  host: string
  /** When it was taken, by the injected clock. */
  since: string
  /** When the machine started, as the writer saw it: a lock from an earlier boot is stale. */
  boot?: string
  /** When it was written, by the real clock (ms): a process started later cannot be its writer. */
  written?: number
  /** Unique per take: tells this holder's lock from one that took it over. */
  token?: string
  /** The holder touches the lock every this many ms (absent in locks of versions before). */
  beat?: number
}

/** A lock file as one look saw it. */
export interface Seen {
  bytes: Buffer
  stat: { ino: number; size: number; mtimeMs: number }
  /** Undefined when the file is empty, half-written or not ours. */
  owner?: LockContent
}

export function look(path: string, fs: LockFs): Seen | undefined {
  const stat = fs.stat(path)
  const bytes = stat && fs.read(path)
  if (!stat || !bytes) return undefined
  return { bytes, stat, owner: parseOwner(bytes) }
}

export function parseOwner(bytes: Buffer): LockContent | undefined {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<LockContent>
    // A process id of 0 or below names a process group to kill(): never a holder.
    if (!Number.isSafeInteger(value.pid) || value.pid! <= 0 || typeof value.host !== 'string') {
      return undefined
    }
    return {
      pid: value.pid!,
      host: value.host,
      since: String(value.since),
      ...(typeof value.boot === 'string' ? { boot: value.boot } : {}),
      ...(typeof value.written === 'number' ? { written: value.written } : {}),
      ...(typeof value.token === 'string' ? { token: value.token } : {}),
      ...(typeof value.beat === 'number' ? { beat: value.beat } : {}),
    }
  } catch {
    return undefined
  }
}

export const sameLock = (a: Seen, b: Seen) =>
  a.stat.ino === b.stat.ino && a.stat.mtimeMs === b.stat.mtimeMs && a.bytes.equals(b.bytes)

/** The holder as the user knows it, and since when nobody touched the lock. */
export interface LockHolder {
  pid?: number
  host?: string
  since?: string
  /** When the lock was last touched (the injected clock's ms). */
  touchedAt: number
}

/** Why a lock has no live holder, or who holds it. */
export type Verdict =
  { gone: true; why: string } | { gone: false; holder: LockHolder; freeAt?: number; why: string }

export function judge(seen: Seen, self: LockSelf, now: number): Verdict {
  const { owner } = seen
  const touchedAt = seen.stat.mtimeMs
  const holder: LockHolder = owner
    ? { pid: owner.pid, host: owner.host, since: owner.since, touchedAt }
    : { touchedAt }
  if (owner && owner.host === self.host) {
    if (owner.pid === self.pid) return { gone: true, why: 'it was left by this process id' }
    if (fromEarlierBoot(owner, self.boot)) {
      return { gone: true, why: 'it was written before the computer last started' }
    }
    if (!isAlive(owner.pid)) return { gone: true, why: `process ${owner.pid} has ended` }
    const written = owner.written ?? Date.parse(owner.since)
    const started = processStartedAt(owner.pid)
    // Its writer started before writing it: a process started later has only reused the id.
    if (started !== undefined && Number.isFinite(written) && started > written + 2_000) {
      return { gone: true, why: `process id ${owner.pid} now belongs to another program` }
    }
    if (owner.beat === undefined) {
      // Written by a version before the heartbeat: its age says nothing, its process is alive.
      return { gone: false, holder, why: 'alive' }
    }
  }
  const age = now - touchedAt
  // A time far ahead is not a heartbeat either (a clock set wrong): it cannot hold for ever.
  if (age >= STALE_MS || age <= -STALE_MS) {
    return {
      gone: true,
      why: `nobody has touched it for ${Math.round(Math.abs(age) / 60_000)} minutes`,
    }
  }
  return { gone: false, holder, freeAt: touchedAt + STALE_MS, why: owner ? 'alive' : 'starting' }
}

function fromEarlierBoot(owner: LockContent, boot: number): boolean {
  const theirs = owner.boot === undefined ? NaN : Date.parse(owner.boot)
  return Number.isFinite(theirs) && Math.abs(boot - theirs) > SAME_BOOT_MS
}

/** The data folder is another live Incident Tray's: who, and when it is free if that one is gone. */
export class DataFolderInUse extends UserError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
    /** When the lock goes stale if its holder stops touching it (the injected clock's ms). */
    readonly freeAt: number | undefined,
  ) {
    super('data-folder-in-use', inUseMessage(dataDir, holder, freeAt))
    this.name = 'DataFolderInUse'
  }
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

function inUseMessage(dataDir: string, holder: LockHolder | undefined, freeAt?: number): string {
  const here = hostname()
  const who =
    holder?.pid !== undefined
      ? `process ${holder.pid}${holder.host === here ? '' : ` on ${holder.host}`}, since ${holder.since}`
      : holder
        ? 'one that is starting'
        : 'another process'
  const last = holder ? `; its lock was last updated at ${iso(holder.touchedAt)}` : ''
  const free =
    freeAt !== undefined
      ? ` If that Incident Tray is gone, the folder is free from ${iso(freeAt)}, when its lock will have gone ${STALE_MS / 60_000} minutes without an update.`
      : holder?.pid !== undefined
        ? ` If process ${holder.pid} is not Incident Tray, quit it or restart the computer.`
        : ''
  return `Another Incident Tray (${who}${last}) is using the data folder ${dataDir}. Nothing was written. Quit the other one, or start this one with another folder (INCIDENT_TRAY_DATA_DIR).${free}`
}
