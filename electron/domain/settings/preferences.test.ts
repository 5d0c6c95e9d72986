import { describe, expect, it } from 'vitest'
import { isKnownTimeZone, isWithinHours, isWithinWorkingHours, knownTimeZones } from './preferences'
import { DEFAULT_SETTINGS } from './settings'
import { displayAccelerator, normalizeAccelerator, sharedShortcut } from './shortcuts'

describe('time zones', () => {
  it('knows IANA names and refuses others', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true)
    expect(isKnownTimeZone('UTC')).toBe(true)
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isKnownTimeZone('')).toBe(false)
    expect(knownTimeZones()[0]).toBe('UTC')
    expect(knownTimeZones()).toContain('America/New_York')
  })
})

describe('working hours', () => {
  const you = {
    timeZone: 'America/New_York',
    workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  }
  it('reads the hours in the user’s own time zone', () => {
    // Monday 14:00 UTC is 09:00 in New York: the first working minute.
    expect(isWithinWorkingHours(you, new Date('2026-11-23T14:00:00Z'))).toBe(true)
    expect(isWithinWorkingHours(you, new Date('2026-11-23T13:59:00Z'))).toBe(false)
    // 17:00 local is the end: outside.
    expect(isWithinWorkingHours(you, new Date('2026-11-23T22:00:00Z'))).toBe(false)
    // Saturday noon is not a working day.
    expect(isWithinWorkingHours(you, new Date('2026-11-28T17:00:00Z'))).toBe(false)
  })
  it('runs a shift that ends before it starts overnight, owned by the day it began', () => {
    const night = { start: '22:00', end: '06:00', days: [5] }
    // Friday 23:00 and Saturday 05:59 belong to Friday's shift; Saturday 22:00 does not.
    expect(isWithinHours(night, 'UTC', new Date('2026-11-27T23:00:00Z'))).toBe(true)
    expect(isWithinHours(night, 'UTC', new Date('2026-11-28T05:59:00Z'))).toBe(true)
    expect(isWithinHours(night, 'UTC', new Date('2026-11-28T06:00:00Z'))).toBe(false)
    expect(isWithinHours(night, 'UTC', new Date('2026-11-28T22:00:00Z'))).toBe(false)
    // Thursday 23:00 is before the Friday shift starts.
    expect(isWithinHours(night, 'UTC', new Date('2026-11-26T23:00:00Z'))).toBe(false)
  })
  it('defaults to weekdays 09:00 to 17:00 with quiet hours for all but Severity 1', () => {
    expect(DEFAULT_SETTINGS.you.workingHours).toEqual({
      start: '09:00',
      end: '17:00',
      days: [1, 2, 3, 4, 5],
    })
    expect(DEFAULT_SETTINGS.notifications.onlySeverity1OutsideWorkingHours).toBe(true)
    expect(DEFAULT_SETTINGS.firstRun).toEqual({ completed: false, skipped: false })
  })
})

describe('shortcuts', () => {
  it('compares spellings of one shortcut as equal', () => {
    expect(normalizeAccelerator('CommandOrControl+Shift+I')).toBe(
      normalizeAccelerator('shift+cmdorctrl+i'),
    )
    expect(normalizeAccelerator('Ctrl+Alt+I')).not.toBe(normalizeAccelerator('Ctrl+Shift+I'))
  })
  it('shows CmdOrCtrl as the keyboard labels it', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+i', true)).toBe('⌘+Shift+I')
    expect(displayAccelerator('CmdOrCtrl+Shift+i', false)).toBe('Ctrl+Shift+I')
  })
  it('finds two actions sharing one shortcut', () => {
    expect(
      sharedShortcut({
        record: 'Ctrl+Shift+I',
        showWindow: 'Ctrl+Alt+I',
        quickNote: 'Ctrl+Shift+N',
      }),
    ).toBeNull()
    expect(
      sharedShortcut({
        record: 'Ctrl+Shift+I',
        showWindow: 'Control+Shift+I',
        quickNote: 'Ctrl+Shift+N',
      }),
    ).toMatch(/already the shortcut for "Record incident"/)
  })
})
