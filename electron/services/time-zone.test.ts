import { afterEach, expect, it } from 'vitest'
import { HOUR, MINUTE } from '../domain/comms/cadence'
import { systemTimeZone } from '../domain/settings/preferences'
import { ManualClock } from './clock'
import { tempDir, testHost } from '../testing/fixtures'

const dirs: { cleanup(): void }[] = []
const zone = process.env.TZ
afterEach(() => {
  process.env.TZ = zone
  dirs.splice(0).forEach((d) => d.cleanup())
})

it('working hours follow the system time zone when it changes under a running host', async () => {
  process.env.TZ = 'UTC'
  const d = tempDir()
  dirs.push(d)
  // Monday 14:00 UTC; a Severity 2 incident due in 6 hours, at 20:00 UTC.
  const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
  const { host, notifications } = testHost(d.dir, clock)
  expect(host.settings().you.timeZone).toBe('') // the system's
  const recorded = await host.call('incident:record', {
    title: 'Search is slow',
    severity: 2,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  await host.call('incident:setLead', {
    id: recorded.value.id,
    lead: { kind: 'free', name: 'Dana' },
  })
  await host.call('settings:update', { cadence: { '2': 360 } })
  // 20:05 in UTC is after working hours: the reminder waits.
  clock.advance(6 * HOUR + 5 * MINUTE)
  expect(notifications).toEqual([])

  // The machine moves to New York: 20:06 UTC is 15:06 there, inside working hours.
  process.env.TZ = 'America/New_York'
  expect(systemTimeZone()).toBe('America/New_York')
  clock.advance(MINUTE)
  host.wake()
  expect(notifications.map((n) => n.title)).toEqual(['Status update overdue by 6 min'])
})
