import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../services/clock'
import { tempDir, testHost } from '../testing/fixtures'
import {
  BEAT_MS,
  DataFolderInUse,
  LOCK_FILE,
  nodeLockFs,
  OWN_TIMER_MS,
  probeDataFolder,
  STALE_MS,
  takeLock,
  type LockFs,
  type LockSelf,
} from './data-lock'

const START = Date.parse('2026-11-23T14:00:00Z')
const MINUTE = 60_000

let dir: string
let cleanup: () => void
let lock: string
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  lock = join(dir, LOCK_FILE)
})
afterEach(() => cleanup())

const booted = () => Date.now() - uptime() * 1000
/** Another process on this computer, as a test plays it (its id is never this process's). */
const other = (pid = process.ppid): LockSelf => ({ pid, host: hostname(), boot: booted() })
/** A lock file as a holder wrote it, last touched at `touched` (the fake clock's time). */
function writeLock(content: object | string, touched: number): void {
  writeFileSync(lock, typeof content === 'string' ? content : JSON.stringify(content))
  utimesSync(lock, touched / 1000, touched / 1000)
}
const owner = () => JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; token: string }

describe('the data folder lock', () => {
  it('reads an empty or half-written lock as a process starting: not stale at once, by its age', () => {
    for (const content of ['', '{"pid": 12']) {
      writeLock(content, START - 10_000)
      expect(() => testHost(dir, new ManualClock(START))).toThrow(
        /Another Incident Tray \(one that is starting; its lock was last updated at 2026-11-23T13:59:50Z\) is using the data folder/,
      )
      expect(readFileSync(lock, 'utf8')).toBe(content)
    }
    // Left by a process that died before writing it: stale once nobody touched it for 5 minutes.
    writeLock('', START - STALE_MS - 1)
    const { host } = testHost(dir, new ManualClock(START))
    expect(owner().pid).toBe(process.pid)
    host.close()
  })

  it('a lock from a renamed computer, or another one, blocks only until it goes unused for 5 minutes', () => {
    const lockOf = { pid: process.ppid, host: 'old-name', since: 'x', beat: BEAT_MS, token: 't' }
    writeLock(lockOf, START - MINUTE)
    let refusal = ''
    try {
      testHost(dir, new ManualClock(START))
    } catch (err) {
      refusal = (err as Error).message
    }
    // Who holds it, and from when the folder is free if that one is gone.
    expect(refusal).toContain(
      `Another Incident Tray (process ${process.ppid} on old-name, since x;`,
    )
    expect(refusal).toContain('the folder is free from 2026-11-23T14:04:00Z')
    expect(probeDataFolder(dir, { now: () => START + 4 * MINUTE - 1 })).toMatchObject({
      free: false,
    })
    expect(probeDataFolder(dir, { now: () => START + 4 * MINUTE })).toMatchObject({ free: true })

    writeLock(lockOf, START - STALE_MS)
    const { host } = testHost(dir, new ManualClock(START))
    expect(owner().pid).toBe(process.pid)
    host.close()
  })

  it.skipIf(process.platform !== 'linux')(
    'a process id another program took over since the lock was written is not its holder',
    async () => {
      const child = spawn('sleep', ['30'])
      try {
        await new Promise((resolve) => child.once('spawn', resolve))
        // Same computer, same boot, a live process: but it started after the lock was written.
        writeLock(
          {
            pid: child.pid,
            host: hostname(),
            since: new Date(Date.now() - 3_600_000).toISOString(),
            boot: new Date(booted()).toISOString(),
          },
          START,
        )
        const { host } = testHost(dir, new ManualClock(START))
        expect(owner().pid).toBe(process.pid)
        host.close()
      } finally {
        child.kill()
      }
    },
  )

  it('is touched at most once a minute, on the host’s own wake-ups; alone, every two minutes', () => {
    const touches: number[] = []
    const fs: LockFs = {
      ...nodeLockFs,
      touch: (path, ms) => (touches.push(ms), nodeLockFs.touch(path, ms)),
    }
    const clock = new ManualClock(START)
    const held = takeLock(lock, clock, { fs })
    for (let s = 0; s < 59; s++) {
      clock.advance(1_000)
      held.beat()
    }
    expect(touches).toEqual([])
    clock.advance(1_000)
    held.beat()
    held.beat()
    expect(touches).toEqual([START + MINUTE])
    // Nothing else wakes the process: its own timer, two minutes after the last touch.
    clock.advance(OWN_TIMER_MS)
    expect(touches).toEqual([START + MINUTE, START + MINUTE + OWN_TIMER_MS])
    expect(statSync(lock).mtimeMs).toBe(START + MINUTE + OWN_TIMER_MS)
    held.release()
    expect(existsSync(lock)).toBe(false)
  })

  it('a live holder stays alive for the others; one that stops beating is taken over, hears it, and leaves the new lock alone', () => {
    const clock = new ManualClock(START)
    const { host } = testHost(dir, clock)
    clock.advance(60 * MINUTE)
    // The host's timers kept the lock fresh: another process an hour later is refused.
    const later = new ManualClock(clock.now())
    expect(() => takeLock(lock, later, { self: other() })).toThrow(DataFolderInUse)
    // The host stops (its clock no longer moves, as a frozen process): 5 minutes later it is gone.
    later.advance(STALE_MS)
    const taken = takeLock(lock, later, { self: other() })
    expect(owner().pid).toBe(process.ppid)
    clock.set(later.now())
    expect(host.snapshot().notices.map((n) => n.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Another Incident Tray \\(process ${process.ppid} on .*\\) took over the data folder`,
        ),
      ),
    ])
    host.close()
    expect(owner().pid).toBe(process.ppid)
    taken.release()
    expect(existsSync(lock)).toBe(false)
  })

  it('two takers of one stale lock never both win, whichever moment the second one acts', () => {
    const stale = () =>
      writeLock(
        { pid: 4_000_000, host: 'gone', since: 'x', beat: BEAT_MS, token: 'old' },
        START - STALE_MS,
      )
    const clock = new ManualClock(START)
    /** A's calls, with B's whole attempt run just before the call `when` picks. */
    const racing = (when: (call: string, path: string) => boolean) => {
      const outcome: { b?: string } = {}
      let ran = false
      const hook = (call: string, path: string) => {
        if (ran || !when(call, path)) return
        ran = true
        try {
          takeLock(lock, clock, { self: other() })
          outcome.b = 'won'
        } catch (err) {
          outcome.b = (err as Error).name
        }
      }
      const fs: LockFs = {
        ...nodeLockFs,
        createExclusive: (p, b, m) => (hook('create', p), nodeLockFs.createExclusive(p, b, m)),
        writeFile: (p, b) => (hook('write', p), nodeLockFs.writeFile(p, b)),
        rename: (f, t) => (hook('rename', t), nodeLockFs.rename(f, t)),
      }
      let a: string
      try {
        takeLock(lock, clock, { self: other(process.pid), fs })
        a = 'won'
      } catch (err) {
        a = (err as Error).name
      }
      return { a, b: outcome.b }
    }

    // B takes it over after A judged it stale, before A claims it: A sees the lock changed.
    stale()
    expect(racing((call, p) => call === 'create' && p.includes('.takeover-'))).toEqual({
      a: 'DataFolderInUse',
      b: 'won',
    })
    expect(owner().pid).toBe(process.ppid)

    // B comes while A holds the claim, about to put its lock in place: B waits, then gives up.
    stale()
    expect(racing((call) => call === 'write')).toEqual({ a: 'won', b: 'DataFolderInUse' })
    expect(owner().pid).toBe(process.pid)

    // B comes just as A renames: the lock file was never absent, so B cannot create one.
    stale()
    expect(racing((call) => call === 'rename')).toEqual({ a: 'won', b: 'DataFolderInUse' })
    expect(owner().pid).toBe(process.pid)
  })
})
