import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HostPush } from '../shared/ipc-contract'
import type { Host } from './host'
import { writePastIncidents } from '../testing/archive'
import { nextTurn, ok, tempDir, testHost } from '../testing/fixtures'
import { ManualClock } from './clock'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** Records "API down" (by Dana) and answers its id. */
async function recordApiDown(host: Host, severity: 1 | 2 = 2): Promise<string> {
  const recorded = await host.call('incident:record', {
    title: 'API down',
    severity,
    detection: 'alert',
    recorder: 'Dana',
  })
  return ok(recorded).id
}

/** What the windows hear for each command, over a data folder of `past` incidents. */
async function pushesPerCommand(past: number) {
  writePastIncidents(dir, past)
  const { host } = testHost(dir, new ManualClock(new Date('2026-11-23T14:00:00Z')))
  // Named already: the first recording would otherwise also save the name (a settings change).
  ok(await host.call('settings:update', { you: { name: 'Dana' } }))
  const heard: HostPush[] = []
  host.onPush((push) => heard.push(push))
  const during = async (command: () => Promise<unknown>) => {
    heard.length = 0
    await command()
    return {
      channels: heard.map((p) => p.channel),
      // Summaries carried: the snapshot's list counts whole.
      summaries: heard.reduce(
        (n, p) => n + (p.channel === 'state:changed' ? p.payload.incidents.length : 1),
        0,
      ),
      heard: [...heard],
    }
  }
  let id = ''
  const record = await during(async () => {
    id = await recordApiDown(host)
  })
  const note = await during(() =>
    host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text: 'p95 at 3 s' } }),
  )
  return { host, id, record, note }
}

describe('a change pushes what changed, not the archive', () => {
  it('one note pushes one incident:changed with its version and summary, with 1,000 past incidents as with none', async () => {
    const none = await pushesPerCommand(0)
    none.host.close()
    cleanup()
    ;({ dir, cleanup } = tempDir())
    const many = await pushesPerCommand(1_000)
    expect(many.host.snapshot().incidents).toHaveLength(1_001)
    for (const run of [none, many]) {
      expect(run.record.channels).toEqual(['incident:changed'])
      expect(run.note.channels).toEqual(['incident:changed'])
      expect(run.note.summaries).toBe(1)
    }
    expect(many.note.summaries).toBe(none.note.summaries)
    const [pushed] = many.note.heard
    const full = ok(await many.host.call('incident:get', { id: many.id }))
    expect(pushed).toEqual({
      channel: 'incident:changed',
      payload: { id: many.id, version: full.version, summary: many.host.snapshot().incidents[0] },
    })
    // The version counts events: the note moved it on from the recording.
    const recorded = many.record.heard[0]
    expect(recorded?.channel === 'incident:changed' && recorded.payload.version).toBeLessThan(
      full.version,
    )
  })

  it('a settings change pushes the snapshot once, and the next note only its incident', async () => {
    const { host, id } = await pushesPerCommand(3)
    const heard: HostPush[] = []
    host.onPush((push) => heard.push(push))
    ok(await host.call('settings:update', { appearance: { theme: 'dark' } }))
    expect(heard.map((p) => p.channel)).toEqual(['state:changed'])
    const [push] = heard
    expect(push?.channel === 'state:changed' && push.payload.settings.appearance.theme).toBe('dark')
    ok(await host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text: 'again' } }))
    expect(heard.map((p) => p.channel)).toEqual(['state:changed', 'incident:changed'])
  })
})

describe('a command is answered once durable; what follows it runs right after', () => {
  it('dispatch answers before the push and the reminders; the next turn of the loop runs them once', async () => {
    const { host, clock, notifications } = testHost(dir)
    ok(await host.call('settings:update', { you: { name: 'Dana' } }))
    const id = await recordApiDown(host, 1)
    const heard: HostPush[] = []
    host.onPush((push) => heard.push(push))
    const note = (text: string) =>
      host.dispatch('timeline:add', { incidentId: id, entry: { kind: 'note', text } })
    const [a, b] = await Promise.all([note('one'), note('two')])
    expect(a?.ok && b?.ok).toBe(true)
    // Both notes are on disk and in memory: a restart or a view would see them already.
    const view = await host.dispatch('incident:view', { id })
    expect(view.ok && (view.value as { version: number }).version).toBe(3)
    expect(heard).toEqual([])
    await nextTurn()
    // Two commands in one turn: one push, carrying the newest version.
    expect(heard.map((p) => p.channel)).toEqual(['incident:changed'])
    expect(heard[0]?.channel === 'incident:changed' && heard[0].payload.version).toBe(3)
    // The reminders looked too: a severity-1 update falls due on the clock, as before.
    clock.advance(31 * 60_000)
    expect(notifications.length).toBeGreaterThan(0)
    host.close()
  })

  it('call answers after what follows has run; close runs what is still pending', async () => {
    const { host } = testHost(dir)
    ok(await host.call('settings:update', { you: { name: 'Dana' } }))
    const heard: HostPush[] = []
    host.onPush((push) => heard.push(push))
    const id = await recordApiDown(host)
    expect(heard.map((p) => p.channel)).toEqual(['incident:changed'])
    ok(await host.dispatch('timeline:add', { incidentId: id, entry: { kind: 'note', text: 'x' } }))
    expect(heard).toHaveLength(1)
    host.close()
    expect(heard.map((p) => p.channel)).toEqual(['incident:changed', 'incident:changed'])
  })

  it('a reaction that throws is logged; the command it follows stays answered and written', async () => {
    const logged: unknown[] = []
    let trayCalls = 0
    const { host } = testHost(dir, undefined, undefined, undefined, undefined, undefined, {
      log: (err) => logged.push(err),
      onTray: () => {
        if (++trayCalls > 1) throw new Error('tray gone')
      },
    })
    // ok() fails the test unless the recording was answered ok.
    const id = await recordApiDown(host)
    expect(logged.map(String)).toEqual(['Error: tray gone'])
    host.close()
    const again = testHost(dir).host
    expect(again.snapshot().incidents.map((s) => s.id)).toEqual([id])
    again.close()
  })
})
