import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS } from '../shared/ipc-channels'
import { tempDir, testHost } from '../testing/fixtures'

const PAYLOADS = 10_000
let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** A deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const FIELD_NAMES = [
  'id',
  'title',
  'severity',
  'text',
  'url',
  'minutes',
  'here',
  'log',
  'status',
  'lead',
  'reason',
  'item',
  'done',
]

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 12)
  switch (pick) {
    case 0:
      return null
    case 1:
      return r() < 0.5
    case 2:
      return Math.floor(r() * 2 ** 31) * (r() < 0.5 ? -1 : 1)
    case 3:
      return [NaN, Infinity, -0, 1e308, 0.5][Math.floor(r() * 5)]
    case 4:
      return ''
    case 5:
      return [
        '../../etc/passwd',
        '<script>alert(1)</script>',
        '\u0000',
        '🔥'.repeat(50),
        'a'.repeat(70_000),
      ][Math.floor(r() * 5)]
    case 6:
      return depth > 2
        ? 'deep'
        : Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1))
    case 7:
      return JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      )
    default: {
      // An object of plausible fields with wrong or random values, always with one stray field.
      if (depth > 2) return {}
      const obj: Record<string, unknown> = {
        [`stray${Math.floor(r() * 1000)}`]: randomValue(r, depth + 1),
      }
      for (const name of FIELD_NAMES) if (r() < 0.3) obj[name] = randomValue(r, depth + 1)
      return obj
    }
  }
}

/** Every file under the data folder with its hash: "no state change" means this is equal. */
function fingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else
        out[path.slice(root.length)] = createHash('sha1').update(readFileSync(path)).digest('hex')
    }
  }
  walk(root)
  return out
}

describe('IPC fuzz', () => {
  it(`refuses ${PAYLOADS.toLocaleString('en')} malformed payloads across every channel, clearly, changing nothing`, async () => {
    const { host, clock } = testHost(dir)
    const seeded = await host.call('incident:record', {
      title: 'Existing',
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    })
    expect(seeded.ok).toBe(true)
    clock.advance(5_000) // lets the index write, so the fingerprint is stable
    const before = fingerprint(dir)
    const snapshotBefore = JSON.stringify(host.snapshot())
    const r = rng(20261123)
    const accepted: string[] = []
    const perChannel: Record<string, number> = {}
    for (let i = 0; i < PAYLOADS; i++) {
      const channel = INVOKE_CHANNELS[i % INVOKE_CHANNELS.length]!
      const payload = randomValue(r)
      const result = await host.dispatch(channel, payload)
      perChannel[channel] = (perChannel[channel] ?? 0) + 1
      if (result.ok) {
        accepted.push(`${channel} ${JSON.stringify(payload).slice(0, 80)}`)
        continue
      }
      expect(result.error.message.length).toBeGreaterThan(5)
      expect(result.error.message.length).toBeLessThan(600)
      expect(result.error.message).not.toMatch(/\[object Object\]|^\s+at |undefined is not/)
      expect(result.error.code).not.toBe('internal')
    }
    // Unknown channels too.
    for (const channel of ['', 'incident:drop', '__proto__', 'constructor', 'state:get:extra']) {
      const result = await host.dispatch(channel, {})
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown-channel')
    }
    expect(accepted).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    clock.advance(5_000)
    expect(fingerprint(dir)).toEqual(before)
    expect(JSON.stringify(host.snapshot())).toBe(snapshotBefore)
    console.log(
      `IPC fuzz: ${PAYLOADS} payloads over ${INVOKE_CHANNELS.length} channels, all refused with a message, no state change`,
    )
  }, 120_000)
})
