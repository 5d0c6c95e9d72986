/**
 * Every time and duration the app shows (window, tray, notifications, outputs) is written here,
 * so one moment reads the same everywhere. Pure: no I/O, no settings read; the caller passes the
 * zone and the clock setting. Intl does the zone arithmetic (daylight saving included); the text
 * is composed here, so Node and Chromium write the same characters whatever ICU each ships (newer
 * ICU puts a narrow no-break space before "PM").
 */

/** One clock for every time on screen (Settings → Appearance): 24-hour unless the user prefers 12. */
export const CLOCKS = ['24h', '12h'] as const
export type ClockStyle = (typeof CLOCKS)[number]

/** How to show a moment: an IANA zone ('' = the system's, read at each call) and the clock. */
export interface TimeDisplay {
  zone: string
  clock: ClockStyle
}

export const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The system's time zone, read now: never kept, since it can change (travel, a new setting) while
 * the app runs, and every time shown must follow at once.
 */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Formatters by zone name: building one costs far more than using it. */
const formats = new Map<string, Intl.DateTimeFormat>()

function partsFormat(zone: string): Intl.DateTimeFormat {
  // '' follows the system: cached under the zone's name, so a change of zone is a new formatter.
  const timeZone = zone || systemTimeZone()
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formats.set(timeZone, format)
  }
  return format
}

/** A moment as a wall clock in a zone. `weekday`: 1 = Monday … 7 = Sunday. */
export interface WallClock {
  year: number
  month: number
  day: number
  weekday: number
  hour: number
  minute: number
}

type Moment = number | string | Date

const epoch = (at: Moment) =>
  typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime()

/** What a wall clock in `zone` reads at `at`. */
export function wallClock(at: Moment, zone: string): WallClock {
  const parts = partsFormat(zone).formatToParts(epoch(at))
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday: WEEKDAYS.indexOf(part('weekday') as (typeof WEEKDAYS)[number]) + 1,
    hour: Number(part('hour')),
    minute: Number(part('minute')),
  }
}

/**
 * The moment a wall-clock time in `zone` names. A time in the hour a spring change skips moves
 * forward by the change (2:30 reads as 3:30), as Date does; a time in the hour an autumn change
 * repeats is the first of the two.
 */
export function zonedTime(
  wall: Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'minute'>,
  zone: string,
): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  const offsetAt = (at: number) => {
    const w = wallClock(at, zone)
    const whole = at - (((at % MINUTE) + MINUTE) % MINUTE)
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - whole
  }
  // The offsets a day before and after: the same but within a day of a change, which then gives
  // both readings (at most one change a day in every zone there is).
  const candidates = [asUtc - offsetAt(asUtc - DAY), asUtc - offsetAt(asUtc + DAY)]
  const named = candidates.filter((at) => {
    const w = wallClock(at, zone)
    return w.day === wall.day && w.hour === wall.hour && w.minute === wall.minute
  })
  return named.length > 0 ? Math.min(...named) : Math.max(...candidates)
}

/** "2026-11-23": the calendar day of a wall clock. */
export function isoDay(w: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`
}

/** "14:02" on a 24-hour clock, "2:02 PM" on a 12-hour one. */
export function clockText(w: Pick<WallClock, 'hour' | 'minute'>, clock: ClockStyle): string {
  if (clock === '24h') return `${pad(w.hour)}:${pad(w.minute)}`
  return `${w.hour % 12 || 12}:${pad(w.minute)} ${w.hour < 12 ? 'AM' : 'PM'}`
}

/** "14:02" / "2:02 PM": the time of day of a moment. */
export function formatClock(at: Moment, show: TimeDisplay): string {
  return clockText(wallClock(at, show.zone), show.clock)
}

/** "2026-11-23": the calendar day of a moment in a zone. */
export function formatDay(at: Moment, zone: string): string {
  return isoDay(wallClock(at, zone))
}

/** "Mon 2026-11-23 14:02": a moment with its date always (lists of past incidents, backups). */
export function formatDateAndTime(at: Moment, show: TimeDisplay): string {
  const w = wallClock(at, show.zone)
  return `${WEEKDAYS[w.weekday - 1]} ${isoDay(w)} ${clockText(w, show.clock)}`
}

/**
 * One moment for the screen: "14:02" on the day of `now`, "Tue 2023-10-03 14:02" any other day,
 * in the zone and with the clock setting.
 */
export function formatMoment(at: Moment, show: TimeDisplay & { now: number }): string {
  const w = wallClock(at, show.zone)
  const today = formatDay(show.now, show.zone) === isoDay(w)
  const time = clockText(w, show.clock)
  return today ? time : `${WEEKDAYS[w.weekday - 1]} ${isoDay(w)} ${time}`
}

/** "Tue 2023-10-03 14:02 (13:02 UTC)": the zone's time and UTC beside it (its date if it differs). */
export function formatZonedAndUtc(at: Moment, show: TimeDisplay & { now: number }): string {
  const local = formatMoment(at, show)
  const u = wallClock(at, 'UTC')
  const sameDay = formatDay(at, show.zone) === isoDay(u)
  return `${local} (${sameDay ? '' : `${isoDay(u)} `}${clockText(u, show.clock)} UTC)`
}

/** "2023-10-03 14:02" (or "… 2:02 PM"): a moment's date and time in a zone, as a text input takes it. */
export function formatInputDateTime(at: Moment, zone: string, clock: ClockStyle = '24h'): string {
  const w = wallClock(at, zone)
  return `${isoDay(w)} ${clockText(w, clock)}`
}

const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

/** "2026-11-23 at 14:02 UTC": the runbooks' timeline format, used by every output. */
export function utcStamp(iso: string): string {
  // What toISOString writes (every time the app stores) is already in UTC: read, not parsed.
  if (CANONICAL_UTC.test(iso)) return `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`
  const u = wallClock(iso, 'UTC')
  return `${isoDay(u)} at ${clockText(u, '24h')} UTC`
}

/**
 * "under a minute", "12 min", "1 h 5 min", "2 d 3 h": how long, for the window, the tray and
 * notifications alike. Whole minutes are counted down (floored), never rounded: a deadline 4 min
 * 40 s away reads "4 min", as the countdown beside it (4:40) does, and nothing says "0 min".
 */
export function humanDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE))
  if (minutes < 1) return 'under a minute'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`
}

/** "14:02", "9:00", "2:02 PM", "2:02pm", "12:00 am": a typed time of day, on either clock. */
export function readClock(text: string): Pick<WallClock, 'hour' | 'minute'> | undefined {
  const match = /^(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?$/i.exec(text.trim())
  if (!match) return undefined
  const [hours, minute] = [Number(match[1]), Number(match[2])]
  if (minute > 59) return undefined
  if (!match[3]) return hours > 23 ? undefined : { hour: hours, minute }
  if (hours < 1 || hours > 12) return undefined
  const pm = match[3].toLowerCase().startsWith('p')
  return { hour: (hours % 12) + (pm ? 12 : 0), minute }
}

/** "2023-10-03 23:50", "2023-10-03T23:50", "2023-10-03 11:50 PM": a typed date and time. */
export function readDateTime(
  text: string,
): Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'minute'> | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T|\s+)(.+)$/.exec(text.trim())
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const real = new Date(Date.UTC(year, month - 1, day))
  if (real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day) return undefined
  const clock = readClock(match[4]!)
  return clock && { year, month, day, ...clock }
}

/** The placeholder of a typed time on the clock setting. */
export function clockPlaceholder(clock: ClockStyle): string {
  return clock === '24h' ? 'HH:MM' : 'h:mm AM'
}

/** A state that holds from a moment on (a deadline's "due soon", then "overdue"). */
export interface Phase<S> {
  state: S
  from: Moment
}

/**
 * The state at `now` of phases in time order: the last whose moment has come (the first when none
 * has). The host says when each state begins; a window's clock only finds where it stands.
 */
export function phaseAt<S>(phases: readonly [Phase<S>, ...Phase<S>[]], now: number): S {
  let state = phases[0].state
  for (const phase of phases) if (epoch(phase.from) <= now) state = phase.state
  return state
}
