import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { ok, tempDir, testHost } from '../../testing/fixtures'

// What the renderer used to work out for itself (secrets in an entry, an item's audience, the
// runbook for a typed alarm, the key-time durations) now comes from the host.

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const T0 = new Date('2026-11-23T14:00:00Z')
const MIN = 60_000

async function setup() {
  const clock = new ManualClock(T0)
  const h = testHost(dir, clock)
  const { id } = ok(
    await h.host.call('incident:record', {
      title: 'Search returns nothing',
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  const add = async (text: string, kind: 'note' | 'paste' = 'note') =>
    ok(await h.host.call('timeline:add', { incidentId: id, entry: { kind, text } }))
  const items = async () =>
    ok(await h.host.call('timeline:window', { id, count: 50, showDeleted: true })).items
  return { ...h, id, add, items }
}

describe('timeline:window items carry what the list shows', () => {
  it('marks where an entry holds secrets, by offset into its text', async () => {
    const { add, items } = await setup()
    const text = 'retry with Bearer abcDEF123456ghiJKL789 then token ghp_' + 'a'.repeat(36)
    const entry = await add(text)
    const shown = (await items()).find((i) => i.id === entry.id)!
    expect(shown.secrets.map((s) => text.slice(s.start, s.end))).toEqual([
      'abcDEF123456ghiJKL789',
      'ghp_' + 'a'.repeat(36),
    ])
    expect(shown.secrets.map((s) => s.kind)).toEqual(['bearer-token', 'github-token'])
    const plain = await add('p95 back to 300 ms')
    expect((await items()).find((i) => i.id === plain.id)!.secrets).toEqual([])
  })

  it('gives each item the audience it has in outputs, the toggle included', async () => {
    const { host, id, add, items } = await setup()
    const note = await add('Rolled back the deploy')
    const paste = await add('GET /v1/images 500', 'paste')
    const audience = async (itemId: string) =>
      (await items()).find((i) => i.id === itemId)!.audience
    expect(await audience(note.id)).toBe('public')
    // A pasted log is raw material: internal until someone says otherwise.
    expect(await audience(paste.id)).toBe('internal')
    ok(
      await host.call('timeline:audience', {
        incidentId: id,
        itemId: note.id,
        audience: 'internal',
      }),
    )
    ok(
      await host.call('timeline:audience', {
        incidentId: id,
        itemId: paste.id,
        audience: 'public',
      }),
    )
    expect(await audience(note.id)).toBe('internal')
    expect(await audience(paste.id)).toBe('public')
  })
})

describe('runbook:forAlarm', () => {
  it('finds the runbooks that cover the alarm as typed, keeping its characters', async () => {
    const { host } = await setup()
    ok(
      await host.call('runbook:add', {
        title: 'API errors',
        alarms: ['api_5xx_rate'],
        firstSteps: ['Run scale_up.sh'],
      }),
    )
    ok(
      await host.call('runbook:add', {
        title: 'Disk full',
        alarms: ['Disk usage'],
        firstSteps: [],
      }),
    )
    const found = async (name: string) =>
      ok(await host.call('runbook:forAlarm', { name })).map((r) => r.title)
    expect(await found('api_5xx_rate')).toEqual(['API errors'])
    expect(await found('  DISK   usage ')).toEqual(['Disk full'])
    // Too short to mean anything, or covered by nothing.
    expect(await found('ap')).toEqual([])
    expect(await found('queue depth')).toEqual([])
  })
})

describe('incident:view metrics', () => {
  it('counts the time in each status up to the host clock and names the one still counting', async () => {
    const { host, clock, id } = await setup()
    clock.advance(20 * MIN)
    ok(await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' }))
    clock.advance(5 * MIN)
    const { metrics } = ok(await host.call('incident:view', { id }))
    expect(metrics.at).toBe(new Date(T0.getTime() + 25 * MIN).toISOString())
    expect(metrics.counting).toBe('stabilized')
    expect(metrics.timeToStabilize).toBe(20 * MIN)
    expect(metrics.timeInStatus.pending).toBe(20 * MIN)
    expect(metrics.timeInStatus.stabilized).toBe(5 * MIN)
    expect(metrics.timeToResolve).toBeNull()
  })
})
