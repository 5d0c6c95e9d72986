import { itemText } from '../domain/timeline/timeline'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOUR, MINUTE } from '../domain/comms/cadence'
import { ManualClock } from './clock'
import { tempDir, testHost } from '../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const T0 = new Date('2026-11-23T14:00:00Z')
const sev = (severity: number, title = 'API down') => ({
  title,
  severity,
  detection: 'alert' as const,
  recorder: 'Dana',
})

async function recordOne(severity = 1) {
  const clock = new ManualClock(T0)
  const h = testHost(dir, clock)
  // The user works in UTC: working hours below are read there, whatever zone the machine runs in.
  await h.host.call('settings:update', { you: { timeZone: 'UTC' } })
  const result = await h.host.call('incident:record', sev(severity))
  if (!result.ok) throw new Error(result.error.message)
  // With a lead named, the only notifications are update reminders ("No lead yet" has its own test).
  await h.host.call('incident:setLead', {
    id: result.value.id,
    lead: { kind: 'free', name: 'Dana' },
  })
  return { ...h, id: result.value.id }
}

const titles = (n: { title: string }[]) => n.map((x) => x.title)

describe('update reminders', () => {
  it('warns 10 minutes before an hourly deadline, then says due now, then repeats every 10 min', async () => {
    const { clock, notifications } = await recordOne(1)
    clock.advance(49 * MINUTE)
    expect(notifications).toEqual([])
    clock.advance(1 * MINUTE)
    expect(titles(notifications)).toEqual(['Status update due in 10 min'])
    clock.advance(10 * MINUTE)
    expect(titles(notifications).at(-1)).toBe('Status update due now')
    clock.advance(25 * MINUTE)
    expect(titles(notifications).slice(2)).toEqual([
      'Status update overdue by 10 min',
      'Status update overdue by 20 min',
    ])
    expect(notifications.every((n) => n.body === 'Severity 1: API down' && n.incidentId)).toBe(true)
  })

  it('after three hours asleep gives exactly one overdue reminder', async () => {
    const { host, clock, notifications } = await recordOne(1)
    clock.advance(45 * MINUTE)
    expect(notifications).toEqual([])
    clock.sleep(3 * HOUR)
    host.wake()
    expect(titles(notifications)).toEqual(['Status update overdue by 2 h 45 min'])
    // And the repeats go on from wake-up, not from the deadline.
    clock.advance(9 * MINUTE)
    expect(notifications).toHaveLength(1)
    clock.advance(1 * MINUTE)
    expect(titles(notifications).at(-1)).toBe('Status update overdue by 2 h 55 min')
  })

  it('a restart mid-countdown neither loses nor repeats a reminder', async () => {
    const first = await recordOne(1)
    first.clock.advance(52 * MINUTE)
    expect(titles(first.notifications)).toEqual(['Status update due in 10 min'])
    first.host.close()

    const again = testHost(dir, first.clock)
    again.host.wake()
    expect(again.notifications).toEqual([])
    first.clock.advance(8 * MINUTE)
    expect(titles(again.notifications)).toEqual(['Status update due now'])
  })

  it('posting an update restarts the countdown; snoozing holds reminders and is on the timeline', async () => {
    const { host, clock, notifications, id } = await recordOne(1)
    clock.advance(55 * MINUTE)
    expect(await host.call('update:post', { id, text: 'Rolled back the deploy.' })).toMatchObject({
      ok: true,
    })
    expect(host.tray().items.find((i) => i.kind === 'incident')).toMatchObject({
      label: expect.stringContaining('API down — update due in 1 h'),
    })
    clock.advance(60 * MINUTE)
    const before = notifications.length
    await host.call('update:snooze', { id, minutes: 10 })
    clock.advance(9 * MINUTE)
    expect(notifications).toHaveLength(before)
    clock.advance(1 * MINUTE)
    expect(titles(notifications).at(-1)).toBe('Status update overdue by 10 min')
    const full = await host.call('incident:get', { id })
    const texts = full.ok ? full.value.timeline.map((t) => itemText(t)) : []
    expect(texts).toContain('Posted an update: Rolled back the deploy.')
    expect(texts).toContain('Snoozed update reminders for 10 min')
  })

  it('a daily deadline warns an hour before', async () => {
    const { clock, notifications } = await recordOne(2)
    clock.advance(22 * HOUR + 59 * MINUTE)
    expect(notifications).toEqual([])
    clock.advance(1 * MINUTE)
    expect(titles(notifications)).toEqual(['Status update due in 1 h'])
  })

  it('refuses a cadence of 0, negative or over 7 days, and keeps the old one', async () => {
    const { host } = await recordOne(1)
    for (const minutes of [0, -5, 7 * 24 * 60 + 1]) {
      const result = await host.call('settings:update', { cadence: { '1': minutes } })
      expect(result.ok ? '' : result.error.message).toMatch(
        /at least 1 minute|at most 10,080 minutes \(7 d\)/,
      )
    }
    expect(host.settings().cadence['1']).toBe(60)
  })

  it('holds reminders below level 1 until working hours start; level 1 always notifies', async () => {
    // Recorded Monday 14:00 UTC; a 6-hour cadence makes the deadline 20:00, after working hours.
    const { host, clock, notifications } = await recordOne(2)
    await host.call('settings:update', { cadence: { '2': 360 } })
    clock.advance(6 * HOUR + 5 * MINUTE)
    expect(notifications).toEqual([])
    // Tuesday 09:00 UTC: working hours begin, and one overdue reminder is said.
    clock.set(new Date('2026-11-24T09:00:30Z'))
    expect(titles(notifications)).toEqual(['Status update overdue by 13 h'])

    const sev1 = await host.call('incident:record', sev(1, 'Site down'))
    expect(sev1.ok).toBe(true)
    clock.set(new Date('2026-11-24T22:00:00Z'))
    expect(notifications.filter((n) => n.body === 'Severity 1: Site down').length).toBeGreaterThan(
      0,
    )
  })

  it('sends nothing while no incident is active', () => {
    const clock = new ManualClock(T0)
    const { notifications } = testHost(dir, clock)
    clock.advance(48 * HOUR)
    expect(notifications).toEqual([])
  })
})
