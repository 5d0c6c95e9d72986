import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from './clock'
import { tempDir, testHost } from '../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const MIN = 60_000
const noLead = (n: { title: string }[]) => n.filter((x) => x.title.startsWith('No lead yet'))

async function recorded(title = 'API down') {
  const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
  const h = testHost(dir, clock)
  // Severity 3: its update reminder is a day away, so only "No lead yet" speaks here.
  const r = await h.host.call('incident:record', {
    title,
    severity: 3,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!r.ok) throw new Error(r.error.message)
  return { ...h, id: r.value.id }
}

describe('"No lead yet" reminder', () => {
  it('notifies every 15 minutes after recording until a lead is set', async () => {
    const { host, clock, id, notifications } = await recorded()
    clock.advance(14 * MIN + 59_000)
    expect(notifications).toEqual([])
    clock.advance(1_000)
    expect(notifications).toEqual([
      {
        title: 'No lead yet: API down',
        body: 'Choose who leads it. By default, this week’s runner.',
        incidentId: id,
      },
    ])
    clock.advance(30 * MIN)
    expect(noLead(notifications)).toHaveLength(3)
    await host.call('incident:setLead', { id, lead: { kind: 'free', name: 'Olga' } })
    clock.advance(3 * 60 * MIN)
    expect(noLead(notifications)).toHaveLength(3)
  })

  it('follows the configured interval', async () => {
    const { host, clock, notifications } = await recorded()
    await host.call('settings:update', { leadReminderMinutes: 5 })
    clock.advance(16 * MIN)
    expect(noLead(notifications)).toHaveLength(3)
    const bad = await host.call('settings:update', { leadReminderMinutes: 0 })
    expect(!bad.ok && bad.error.message).toBe(
      'The “No lead yet” reminder interval must be at least 1 minute.',
    )
  })

  it('after a long sleep sends one reminder per incident, not a burst', async () => {
    const { host, clock, notifications } = await recorded('API down')
    await host.call('incident:record', {
      title: 'Thumbnails broken',
      severity: 3,
      detection: 'alert',
      recorder: 'Dana',
    })
    clock.sleep(3 * 60 * MIN)
    expect(
      noLead(notifications)
        .map((n) => n.title)
        .sort(),
    ).toEqual(['No lead yet: API down', 'No lead yet: Thumbnails broken'])
    clock.advance(15 * MIN)
    expect(noLead(notifications)).toHaveLength(4)
  })
})

describe('"No lead yet" beside an update reminder', () => {
  it('is said in the same notification when both come due at one moment', async () => {
    const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
    const { host, notifications } = testHost(dir, clock)
    // Severity 1: the update is due hourly, and "No lead yet" comes every 15 minutes.
    const r = await host.call('incident:record', {
      title: 'API down',
      severity: 1,
      detection: 'alert',
      recorder: 'Dana',
    })
    if (!r.ok) throw new Error(r.error.message)
    clock.advance(60 * MIN)
    const onTheHour = notifications.slice(-1)
    expect(onTheHour).toEqual([
      {
        title: 'Update due now · no lead yet',
        body: 'Severity 1: API down\nChoose who leads it. By default, this week’s runner.',
        incidentId: r.value.id,
      },
    ])
    // Each reminder keeps its own rate: "overdue" every 10 minutes, "No lead yet" every 15.
    const before = notifications.length
    clock.advance(15 * MIN)
    expect(notifications.slice(before).map((n) => n.title)).toEqual([
      'Status update overdue by 10 min',
      'No lead yet: API down',
    ])
  })
})

describe('"No lead yet" across a restart', () => {
  it('a restart repeats no reminder already given (the memory is in the ledger)', async () => {
    const first = await recorded()
    first.clock.advance(16 * MIN)
    expect(noLead(first.notifications)).toHaveLength(1)
    first.host.close()
    const again = testHost(dir, first.clock)
    again.host.wake()
    expect(noLead(again.notifications)).toEqual([])
    first.clock.advance(14 * MIN)
    expect(noLead(again.notifications)).toHaveLength(1)
    again.host.close()
  })
})
