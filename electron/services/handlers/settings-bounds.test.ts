import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { SettingsPatch } from '../../domain/settings/settings'
import { ok, tempDir, testHost } from '../../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const HUGE = 'x'.repeat(30 * 1024 * 1024)
const person = (more: Record<string, unknown>) => ({
  rota: { people: [{ name: 'Dana', ...more }], schedule: [] },
})

const PATCHES: [string, unknown][] = [
  ['you.name', { you: { name: HUGE } }],
  ['you.timeZone', { you: { timeZone: HUGE } }],
  ['you.workingHours.start', { you: { workingHours: { start: HUGE } } }],
  ['you.workingHours.days (1,000)', { you: { workingHours: { days: Array(1000).fill(1) } } }],
  ['comms.logCopiesOf (a string)', { comms: { logCopiesOf: [HUGE] } }],
  ['comms.logCopiesOf (10,000)', { comms: { logCopiesOf: Array(10_000).fill('slack') } }],
  ['comms.logCopiesOf (not an output)', { comms: { logCopiesOf: ['p2-post', 'rm -rf'] } }],
  ['rota person name', person({ name: HUGE })],
  ['rota person time zone', person({ timeZone: HUGE })],
  ['rota expertise (a string)', person({ expertise: [HUGE] })],
  ['rota expertise (200,000)', person({ expertise: Array(200_000).fill('search') })],
  ['rota days (1,000)', person({ workingHours: { days: Array(1000).fill(2) } })],
  ['rota schedule week', { rota: { people: [], schedule: [{ weekStart: HUGE, runner: 'x' }] } }],
  ['runbook id', { runbooks: [{ id: HUGE, title: 'T', alarms: [], firstSteps: [] }] }],
  ['runbook title', { runbooks: [{ id: 'a', title: HUGE, alarms: [], firstSteps: [] }] }],
  ['quick link label', { quickLinks: [{ label: HUGE, url: 'https://x.org' }] }],
  ['publishing.user', { publishing: { user: HUGE } }],
  ['publishing.url', { publishing: { url: `https://x.org/${HUGE}` } }],
  ['templates.slack', { templates: { slack: HUGE } }],
  ['shortcuts.record', { shortcuts: { record: HUGE } }],
]

it.each(PATCHES)(
  'settings:update refuses an oversized %s with a short, clear message and writes nothing',
  async (_, patch) => {
    const { host } = testHost(dir)
    ok(await host.call('settings:update', { you: { name: 'Dana' } }))
    const file = join(dir, 'settings.json')
    const before = readFileSync(file, 'utf8')
    const r = await host.call('settings:update', patch as SettingsPatch)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message.length).toBeLessThan(400)
      expect(r.error.message).toMatch(
        /characters|at most|Keep|limited|not an output|Write|Use|shortcut|time zone|7 days/i,
      )
    }
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(host.snapshot().settings.you.name).toBe('Dana')
    host.close()
  },
)

it('keeps the outputs it logs as output ids, once each', async () => {
  const { host } = testHost(dir)
  const saved = ok(
    await host.call('settings:update', { comms: { logCopiesOf: ['slack', 'p2-post', 'slack'] } }),
  )
  expect(saved.comms.logCopiesOf).toEqual(['slack', 'p2-post'])
  host.close()
})
