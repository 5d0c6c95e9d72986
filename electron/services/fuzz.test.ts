import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { foldIncident } from '../domain/incident'
import { INVOKE_CHANNELS } from '../shared/ipc-channels'
import { contract } from '../shared/ipc-contract'
import { parseLog } from '../store/event-log'
import { nextTurn, pickFile, pickFolder, samplePng, tempDir, testHost } from '../testing/fixtures'
import { collectIds, generator, rng, type Json } from '../testing/schema-payloads'

/**
 * The IPC fuzz: payloads made from each channel's own schema with real ids from a
 * seeded host, then mutated one thing at a time, so that most calls pass validation and reach a
 * handler. After each batch: nothing threw, no promise was left rejected, every log still folds,
 * the data folder holds only the format's files, and no refused call changed a file.
 */
const PAYLOADS = 10_000
const BATCH = 500
let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  // Publishing channels are fuzzed too: no call may leave this machine, so every fetch fails
  // as an unreachable site would.
  vi.stubGlobal('fetch', () =>
    Promise.reject(new TypeError('fetch failed: no network in the fuzz')),
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
  cleanup()
})

/** The files of the format (README "Where data lives"), and the test's own exports. */
const FORMAT = [
  /^incident-tray\.lock$/,
  /^settings\.json$/,
  // This install's id: what it queued it sends by itself (never in a backup).
  /^install-id$/,
  // The publishing password's file-backed stand-in for the OS keychain (tests only).
  /^secrets\.json$/,
  /^(index|index-facts|search-index|reminders|alarm-reminders|retro-reminders|deadlines)\.json$/,
  /^(index|search-index|deadlines)-delta\.jsonl$/,
  /^incidents\/[A-Za-z0-9][A-Za-z0-9_-]{0,80}\/events\.jsonl$/,
  /^incidents\/[A-Za-z0-9][A-Za-z0-9_-]{0,80}\/attachments\/[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.png$/,
  // An incident replaced by a backup's is kept beside (backup:import with replace).
  /^incidents\/[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.replaced-[0-9TZ-]+\/(events\.jsonl|attachments\/[A-Za-z0-9_-]+\.png)$/,
  /^exports\/[^/]+\.(zip|md|html|txt)$/,
]

function files(root: string, rel = ''): Map<string, number> {
  const out = new Map<string, number>()
  for (const name of readdirSync(join(root, rel))) {
    const path = rel ? `${rel}/${name}` : name
    const stat = statSync(join(root, path))
    if (stat.isDirectory()) for (const [p, s] of files(root, path)) out.set(p, s)
    else out.set(path, stat.size)
  }
  return out
}
const same = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)

describe('IPC fuzz', () => {
  it(`${PAYLOADS.toLocaleString('en')} calls built from each channel's schema: most reach a handler, none breaks an invariant`, async () => {
    const t = testHost(dir)
    const { host, clock } = t
    const must = async <T>(
      p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
    ) => {
      const result = await p
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    }
    // A seeded host: an incident with entries, an alarm, a measure, a party, a follow-up, a runbook.
    const incident = await must(
      host.call('incident:record', {
        title: 'Existing',
        severity: 2,
        detection: 'alert',
        recorder: 'Dana',
      }),
    )
    const id = incident.id
    await must(
      host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text: 'db-3 pool' } }),
    )
    await must(
      host.call('attachment:add', {
        incidentId: id,
        png: samplePng(20, 10).toString('base64'),
        caption: 'graph',
      }),
    )
    await must(host.call('alarm:silence', { id, name: 'API 5xx' }))
    await must(
      host.call('measure:start', {
        id,
        kind: 'flag-off',
        what: 'search-v2',
        undoPlan: 'turn it on',
      }),
    )
    await must(host.call('party:add', { id, who: 'Cloudflare', channel: 'ticket' }))
    await must(host.call('followup:add', { id, title: 'Add a pool alarm', critical: false }))
    await must(host.call('runbook:add', { title: 'API down', firstSteps: ['Check LB'] }))
    const backup = await must(host.call('backup:export', undefined))
    const pool = new Map<string, Set<string>>()
    collectIds(await must(host.call('incident:get', { id })), pool)
    collectIds(host.snapshot(), pool)
    collectIds(host.settings(), pool)
    pool.set('id', new Set([id]))
    pool.set('incidentId', new Set([id]))
    const tokens = {
      file: await pickFile(t, backup.path!),
      folder: await pickFolder(t, dir),
      png: samplePng(12, 8).toString('base64'),
    }

    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    const r = rng(20261123)
    const gen = generator(r, pool, tokens)
    const schemas = Object.fromEntries(
      INVOKE_CHANNELS.map((c) => [
        c,
        z.toJSONSchema(contract[c].input as z.ZodType, {
          io: 'input',
          unrepresentable: 'any',
        }) as Json,
      ]),
    )
    const counts: Record<string, { reached: number; ok: number; refused: number }> = {}
    // The data folder before each call: the one after the call before it.
    let before = files(dir)
    try {
      for (let i = 0; i < PAYLOADS; i++) {
        const channel = INVOKE_CHANNELS[i % INVOKE_CHANNELS.length]!
        const valid = gen.valid(schemas[channel]!)
        const payload = r() < 0.35 ? gen.mutate(valid) : valid
        const result = await host.dispatch(channel, payload)
        // What follows a command runs on the loop's next turn, as between two calls in the app.
        await nextTurn()
        const after = files(dir)
        const count = (counts[channel] ??= { reached: 0, ok: 0, refused: 0 })
        // "Reached": it passed the schema and its handler ran (answering ok or with its refusal).
        if (result.ok || result.error.code !== 'invalid-input') count.reached++
        else count.refused++
        if (result.ok) count.ok++
        if (!result.ok) {
          expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('internal')
          // A schema's message is short; a handler's may quote what the user typed.
          const most = result.error.code === 'invalid-input' ? 800 : 20_000
          expect(result.error.message.length, channel).toBeLessThan(most)
          expect(result.error.message).not.toMatch(/\[object Object\]|^\s+at |undefined is not/)
          // A refused call changes no file.
          expect(same(after, before), `${channel} refused but changed files`).toBe(true)
        }
        if ((i + 1) % BATCH === 0) {
          expect(rejections).toEqual([])
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
          const now = files(dir)
          for (const path of now.keys()) {
            expect(
              FORMAT.some((f) => f.test(path)),
              `${path} is not a file of the format`,
            ).toBe(true)
          }
          for (const path of now.keys()) {
            if (!path.endsWith('/events.jsonl')) continue
            const parsed = parseLog(readFileSync(join(dir, path)))
            expect(
              parsed.damaged.map((d) => d.why),
              path,
            ).toEqual([])
            expect(parsed.torn, path).toBeFalsy()
            expect(() => foldIncident(parsed.events), path).not.toThrow()
          }
          clock.advance(1_000)
          before = files(dir)
          continue
        }
        before = after
      }
    } finally {
      process.off('unhandledRejection', onRejection)
    }
    for (const channel of ['', 'incident:drop', '__proto__', 'constructor', 'state:get:extra']) {
      const result = await host.dispatch(channel, {})
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown-channel')
    }
    const reached = Object.values(counts).reduce((n, c) => n + c.reached, 0)
    const ok = Object.values(counts).reduce((n, c) => n + c.ok, 0)
    const refused = PAYLOADS - reached
    console.log(
      `IPC fuzz: ${PAYLOADS} calls over ${INVOKE_CHANNELS.length} channels: ${reached} reached a handler (${ok} answered ok, ${reached - ok} refused by it), ${refused} refused by the schema\n` +
        Object.entries(counts)
          .map(
            ([c, n]) =>
              `  ${c.padEnd(24)} reached ${String(n.reached).padStart(4)} (ok ${String(n.ok).padStart(4)})  refused ${String(n.refused).padStart(4)}`,
          )
          .join('\n'),
    )
    expect(reached).toBeGreaterThanOrEqual(PAYLOADS / 2)
    // Every channel is reached at least once: none is fuzzed only with garbage.
    for (const [channel, n] of Object.entries(counts)) expect(n.reached, channel).toBeGreaterThan(0)
  }, 300_000)
})
