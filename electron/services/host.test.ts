import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir, testHost } from '../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const record = {
  title: 'Search returns nothing',
  severity: 1,
  detection: 'user-report' as const,
  recorder: 'Dana',
}

describe('host', () => {
  it('records with only a title: the recorder defaults to the operating system user', async () => {
    const { host } = testHost(dir)
    const expected = host.snapshot().defaultRecorder
    expect(expected.length).toBeGreaterThan(0)
    const result = await host.call('incident:record', {
      title: 'Search down',
      severity: 2,
      detection: 'alert',
    })
    expect(result.ok && result.value.recorder).toBe(expected)
    host.close()
  })

  it('records an incident, pushes a snapshot, and finds it again after a restart', async () => {
    const { host } = testHost(dir)
    const pushed: number[] = []
    host.subscribe((s) => pushed.push(s.incidents.length))
    const result = await host.dispatch('incident:record', record)
    expect(result.ok).toBe(true)
    expect(pushed).toEqual([1])
    expect(host.tray().state).toBe('active')
    host.close()

    const again = testHost(dir).host
    const [summary] = again.snapshot().incidents
    expect(summary).toMatchObject({
      title: 'Search returns nothing',
      severity: 1,
      status: 'pending',
      lead: null,
    })
    const full = await again.call('incident:get', { id: summary!.id })
    const first = full.ok ? full.value.timeline[0] : undefined
    expect(first?.kind === 'lifecycle' && first.text).toBe('Recorded by Dana')
    // The recorder's name is remembered for next time.
    expect(again.settings().you.name).toBe('Dana')
  })

  it('gives two incidents recorded in the same minute different ids', async () => {
    const { host } = testHost(dir)
    const a = await host.call('incident:record', record)
    const b = await host.call('incident:record', { ...record, title: 'Second' })
    expect(a.ok && b.ok && a.value.id !== b.value.id).toBe(true)
    expect(host.snapshot().incidents).toHaveLength(2)
  })

  it('refuses bad input with a message and writes nothing', async () => {
    const { host } = testHost(dir)
    const bad = [
      await host.dispatch('incident:record', { ...record, title: '' }),
      await host.dispatch('incident:record', { ...record, severity: 9 }),
      await host.dispatch('incident:record', null),
      await host.dispatch('incident:record', { ...record, extra: 1 }),
      await host.dispatch('incident:nuke', {}),
      await host.dispatch('state:get', { sneaky: true }),
      await host.dispatch('incident:get', { id: 'nope' }),
    ]
    expect(bad.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'invalid-input',
      'invalid-severity',
      'invalid-input',
      'invalid-input',
      'unknown-channel',
      'invalid-input',
      'not-found',
    ])
    for (const r of bad) expect(r.ok ? '' : r.error.message.length).toBeGreaterThan(10)
    expect(readdirSync(join(dir, 'incidents'))).toEqual([])
  })

  it('starts with defaults and says so when the settings file is garbage', () => {
    writeFileSync(join(dir, 'settings.json'), '{ this is not json')
    const { host } = testHost(dir)
    expect(host.settings().severityScale).toBe('openverse')
    expect(host.snapshot().notices[0]?.message).toMatch(
      /settings file was damaged; it was kept as .*settings\.json\.corrupt-/,
    )
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true)
  })

  it('validates settings changes and keeps the old value on a bad one', async () => {
    const { host } = testHost(dir)
    const bad = await host.dispatch('settings:update', { shortcuts: { record: 'Banana' } })
    expect(bad.ok ? '' : bad.error.message).toContain('like CmdOrCtrl+Shift+I')
    expect(host.settings().shortcuts.record).toBe('CmdOrCtrl+Shift+I')
    const good = await host.dispatch('settings:update', { severityScale: 'sev4' })
    expect(good.ok).toBe(true)
    const sev4 = await host.dispatch('incident:record', { ...record, severity: 4 })
    expect(sev4.ok).toBe(true)
  })
})
