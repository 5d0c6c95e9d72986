import { describe, expect, it } from 'vitest'
import {
  formatClock,
  formatDateAndTime,
  formatInputDateTime,
  formatMoment,
  formatZonedAndUtc,
  humanDuration,
  phaseAt,
  readClock,
  readDateTime,
  utcStamp,
  wallClock,
  zonedTime,
} from './time'

const LA = 'America/Los_Angeles'
const KOLKATA = 'Asia/Kolkata'
const at = '2026-11-23T14:02:00.000Z'

describe('one moment in a zone, with the clock setting', () => {
  it('reads the zone it is given, whatever zone the machine runs in', () => {
    expect(formatClock(at, { zone: 'UTC', clock: '24h' })).toBe('14:02')
    expect(formatClock(at, { zone: LA, clock: '24h' })).toBe('06:02')
    expect(formatClock(at, { zone: KOLKATA, clock: '24h' })).toBe('19:32')
    expect(formatClock(at, { zone: KOLKATA, clock: '12h' })).toBe('7:32 PM')
    expect(formatClock('2026-11-23T08:05:00Z', { zone: 'UTC', clock: '12h' })).toBe('8:05 AM')
    expect(formatClock('2026-11-23T00:05:00Z', { zone: 'UTC', clock: '12h' })).toBe('12:05 AM')
    expect(formatClock('2026-11-23T12:05:00Z', { zone: 'UTC', clock: '12h' })).toBe('12:05 PM')
  })

  it('shows the date on any other day of that zone', () => {
    const now = Date.parse('2026-11-23T20:00:00Z')
    expect(formatMoment(at, { zone: LA, clock: '24h', now })).toBe('06:02')
    // 20:00 UTC is already the 24th in Kolkata: the 23rd is "another day" there.
    expect(formatMoment(at, { zone: KOLKATA, clock: '24h', now })).toBe('Mon 2026-11-23 19:32')
    expect(formatMoment(at, { zone: 'UTC', clock: '12h', now })).toBe('2:02 PM')
    expect(formatMoment(at, { zone: 'UTC', clock: '24h', now: now + 86_400_000 })).toBe(
      'Mon 2026-11-23 14:02',
    )
  })

  it('puts UTC beside the zone time, with its date when the day differs', () => {
    const now = Date.parse(at)
    expect(formatZonedAndUtc(at, { zone: LA, clock: '24h', now })).toBe('06:02 (14:02 UTC)')
    expect(formatZonedAndUtc('2026-11-23T20:00:00Z', { zone: KOLKATA, clock: '24h', now })).toBe(
      'Tue 2026-11-24 01:30 (2026-11-23 20:00 UTC)',
    )
  })

  it('writes dates as ISO days with a weekday, and input text on a 24-hour clock', () => {
    expect(formatDateAndTime(at, { zone: LA, clock: '12h' })).toBe('Mon 2026-11-23 6:02 AM')
    expect(formatInputDateTime(at, KOLKATA)).toBe('2026-11-23 19:32')
  })

  it('keeps the outputs in UTC', () => {
    expect(utcStamp(at)).toBe('2026-11-23 at 14:02 UTC')
    expect(utcStamp('2026-11-23T06:02:00-08:00')).toBe('2026-11-23 at 14:02 UTC')
  })
})

describe('daylight saving in Los Angeles', () => {
  it('shows the wall clock on both sides of the March and November changes', () => {
    // 2026-03-08: 02:00 PST jumps to 03:00 PDT (10:00 UTC).
    expect(formatClock('2026-03-08T09:59:00Z', { zone: LA, clock: '24h' })).toBe('01:59')
    expect(formatClock('2026-03-08T10:00:00Z', { zone: LA, clock: '24h' })).toBe('03:00')
    // 2026-11-01: 02:00 PDT falls back to 01:00 PST (09:00 UTC): 01:30 happens twice.
    expect(formatClock('2026-11-01T08:30:00Z', { zone: LA, clock: '24h' })).toBe('01:30')
    expect(formatClock('2026-11-01T09:30:00Z', { zone: LA, clock: '24h' })).toBe('01:30')
  })

  it('turns a wall-clock time back into the moment it names', () => {
    const wall = (day: number, month: number, hour: number, minute = 0) => ({
      year: 2026,
      month,
      day,
      hour,
      minute,
    })
    expect(new Date(zonedTime(wall(8, 3, 1, 30), LA)).toISOString()).toBe(
      '2026-03-08T09:30:00.000Z',
    )
    expect(new Date(zonedTime(wall(8, 3, 3, 30), LA)).toISOString()).toBe(
      '2026-03-08T10:30:00.000Z',
    )
    // 02:30 does not exist on that day: read forward by the change, as Date does.
    expect(new Date(zonedTime(wall(8, 3, 2, 30), LA)).toISOString()).toBe(
      '2026-03-08T10:30:00.000Z',
    )
    // 01:30 on 1 November: the first of the two.
    expect(new Date(zonedTime(wall(1, 11, 1, 30), LA)).toISOString()).toBe(
      '2026-11-01T08:30:00.000Z',
    )
    // Berlin repeats 02:30 on 25 October: again the first.
    expect(new Date(zonedTime(wall(25, 10, 2, 30), 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    )
    expect(new Date(zonedTime(wall(23, 11, 19, 32), KOLKATA)).toISOString()).toBe(
      '2026-11-23T14:02:00.000Z',
    )
  })

  it('gives each wall clock its weekday in the zone', () => {
    // Sunday 2026-11-01 in Los Angeles, already Monday in Kolkata.
    expect(wallClock('2026-11-01T20:00:00Z', LA).weekday).toBe(7)
    expect(wallClock('2026-11-01T20:00:00Z', KOLKATA).weekday).toBe(1)
  })
})

describe('one duration rule', () => {
  it('counts whole minutes down and says "under a minute" below one', () => {
    expect(humanDuration(0)).toBe('under a minute')
    expect(humanDuration(59_999)).toBe('under a minute')
    expect(humanDuration(4 * 60_000 + 40_000)).toBe('4 min')
    expect(humanDuration(65 * 60_000)).toBe('1 h 5 min')
    expect(humanDuration(120 * 60_000)).toBe('2 h')
    expect(humanDuration((51 * 60 + 30) * 60_000)).toBe('2 d 3 h')
    expect(humanDuration(-5)).toBe('under a minute')
  })
})

describe('typed times, on either clock', () => {
  it('reads 24-hour and 12-hour times of day', () => {
    expect(readClock('14:02')).toEqual({ hour: 14, minute: 2 })
    expect(readClock('9:00')).toEqual({ hour: 9, minute: 0 })
    expect(readClock('2:02 PM')).toEqual({ hour: 14, minute: 2 })
    expect(readClock('12:00 am')).toEqual({ hour: 0, minute: 0 })
    expect(readClock('12:30pm')).toEqual({ hour: 12, minute: 30 })
    for (const bad of ['24:00', '13:00 PM', '0:30 AM', '9:60', '9', 'noon']) {
      expect(readClock(bad)).toBeUndefined()
    }
  })

  it('reads an ISO date with a time, and refuses days that do not exist', () => {
    const at = { year: 2023, month: 10, day: 3, hour: 23, minute: 50 }
    expect(readDateTime('2023-10-03 23:50')).toEqual(at)
    expect(readDateTime('2023-10-03T23:50')).toEqual(at)
    expect(readDateTime('2023-10-03 11:50 PM')).toEqual(at)
    expect(readDateTime('2023-02-30 10:00')).toBeUndefined()
    expect(readDateTime('10/03/2023 11:50 PM')).toBeUndefined()
  })
})

describe('phases', () => {
  it('finds the state whose moment has come, the first before any', () => {
    const phases = [
      { state: 'ok', from: 100 },
      { state: 'due-soon', from: '1970-01-01T00:00:00.200Z' },
      { state: 'overdue', from: 300 },
    ] as const
    expect([50, 100, 199, 200, 299, 300, 1e12].map((now) => phaseAt(phases, now))).toEqual([
      'ok',
      'ok',
      'ok',
      'due-soon',
      'due-soon',
      'overdue',
      'overdue',
    ])
  })
})
