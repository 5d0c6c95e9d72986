import { z } from 'zod'
import { CLOCKS, clockText, systemTimeZone, wallClock, type ClockStyle } from '../../shared/time'
import { cleanLine } from '../incident/input-rules'

export { systemTimeZone }

/**
 * The "everyday comfort" settings: who you are and when you work, notifications and
 * quiet hours, appearance, open at login, first run. Pure: time zones are checked with Intl.
 */

/** True for an IANA zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone.length > 0
  } catch {
    return false
  }
}

/** Every zone the runtime lists, for suggestions; UTC first because it is the usual fallback. */
export function knownTimeZones(): string[] {
  const listed = Intl.supportedValuesOf?.('timeZone') ?? []
  return ['UTC', ...listed.filter((z) => z !== 'UTC')]
}

/** '' means "the system's time zone" (used until the user picks one). */
export const TimeZone = z
  .string()
  .max(100, 'A time zone name is at most 100 characters, like Europe/Berlin.')
  .pipe(
    z
      .string()
      .trim()
      .refine((zone) => zone === '' || isKnownTimeZone(zone), {
        error: (issue) =>
          `Unknown time zone "${String(issue.input)}". Use an IANA name like Europe/Berlin, America/New_York or UTC.`,
      }),
  )

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write times as HH:MM on a 24-hour clock, like 09:00.')

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
const Weekday = z.number().int().min(1).max(7)

/** The fields without the cross-field rule, so a settings patch can name only some of them. */
export const WorkingHoursFields = z.object({
  start: ClockTime.default('09:00'),
  end: ClockTime.default('17:00'),
  days: z
    .array(Weekday)
    .min(1, 'Pick at least one working day.')
    .max(7, 'A week has 7 days: pick each working day once.')
    .default([1, 2, 3, 4, 5])
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
})

export const WorkingHours = WorkingHoursFields.refine((hours) => hours.end > hours.start, {
  message: 'Working hours must end after they start (for example 09:00 to 17:00).',
  path: ['end'],
}).prefault({})
export type WorkingHours = z.output<typeof WorkingHours>

export const YouFields = z.object({
  name: z
    .string()
    .max(1000, 'Keep your name under 80 characters.')
    .transform(cleanLine)
    .pipe(z.string().trim().max(80, 'Keep your name under 80 characters.'))
    .default(''),
  chatHandle: z
    .string()
    .trim()
    .max(40, 'Keep the chat handle under 40 characters.')
    .regex(/^@?[\w.-]*$/, 'A chat handle has letters, digits, dots, dashes or underscores.')
    .default(''),
  timeZone: TimeZone.default(''),
  workingHours: WorkingHours,
})
export const You = YouFields.prefault({})
export type You = z.output<typeof You>

export const Notifications = z
  .object({
    /** Quiet hours are the time outside working hours; then only Severity 1 notifies. */
    onlySeverity1OutsideWorkingHours: z.boolean().default(true),
  })
  .prefault({})

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export { CLOCKS, type ClockStyle }

export const Appearance = z
  .object({
    theme: z.enum(THEMES, { error: 'Theme is system, light or dark.' }).default('system'),
    /** One clock for every time on screen: 24-hour unless the user prefers 12-hour. */
    clock: z.enum(CLOCKS, { error: 'The clock is 24-hour or 12-hour.' }).default('24h'),
  })
  .prefault({})

export const FirstRun = z
  .object({ completed: z.boolean().default(false), skipped: z.boolean().default(false) })
  .prefault({})

/** Local wall-clock weekday (1 = Monday) and HH:MM of `at` in `timeZone` ('' = the runtime's zone). */
export function localParts(at: Date, timeZone: string): { weekday: number; time: string } {
  const wall = wallClock(at, timeZone)
  return { weekday: wall.weekday, time: clockText(wall, '24h') }
}

/**
 * The one rule for working hours, the user's and every rota person's: `at` in `timeZone` falls on
 * a working day between start and end. A shift that ends before it starts runs overnight: its
 * hours after midnight belong to the day it began.
 */
export function isWithinHours(
  hours: { start: string; end: string; days: readonly number[] },
  timeZone: string,
  at: Date,
): boolean {
  const { weekday, time } = localParts(at, timeZone)
  if (hours.start <= hours.end) {
    return hours.days.includes(weekday) && time >= hours.start && time < hours.end
  }
  const yesterday = weekday === 1 ? 7 : weekday - 1
  return (
    (hours.days.includes(weekday) && time >= hours.start) ||
    (hours.days.includes(yesterday) && time < hours.end)
  )
}

/** Whether `at` falls inside the user's working hours, in their time zone. */
export function isWithinWorkingHours(you: Pick<You, 'timeZone' | 'workingHours'>, at: Date) {
  return isWithinHours(you.workingHours, you.timeZone, at)
}
