import type { TimelineItem } from '../../../../electron/shared/types'
import {
  formatInputDateTime,
  readClock,
  readDateTime,
  wallClock,
  zonedTime,
} from '../../../../electron/shared/time'
import { clockStyle, formatMoment, zoneName } from '../../time'

export type TimeZoneChoice = 'local' | 'utc'
export type { KindFilter } from '../../../../electron/shared/types'

export const KIND_LABELS: Record<TimelineItem['kind'], string> = {
  note: 'Notes',
  paste: 'Pasted text',
  link: 'Links',
  image: 'Images',
  action: 'Actions',
  lifecycle: 'Automatic',
}

/** "14:02" today, "Tue 2023-10-03 14:02" another day; "UTC" after it in UTC; the clock setting. */
export function formatTime(iso: string, zone: TimeZoneChoice): string {
  return formatMoment(iso, zone)
}

/** "2023-10-03 14:02" (or "… 2:02 PM"): a moment in the chosen zone and clock, for a text input. */
export function timeOfDay(iso: string, zone: TimeZoneChoice): string {
  return formatInputDateTime(iso, zoneName(zone), clockStyle())
}

/** The moment a typed date and time ("2023-10-03 23:50", "… 11:50 PM") names in the zone. */
export function datedMoment(text: string, zone: TimeZoneChoice): number | undefined {
  const wall = readDateTime(text)
  return wall && zonedTime(wall, zoneName(zone))
}

/**
 * "This started at 14:02" (or "2:02 PM"): the latest moment at that time of day that is not in
 * the future (so 23:50 typed just after midnight means yesterday). With a date ("2023-10-03
 * 23:50", or the "T" form), exactly that moment, in the chosen zone (the user's, or UTC);
 * undefined when it cannot be read or lies in the future.
 */
export function backDate(text: string, zone: TimeZoneChoice, now: number): string | undefined {
  const dated = datedMoment(text, zone)
  if (dated !== undefined) return dated > now + 60_000 ? undefined : new Date(dated).toISOString()
  const clock = readClock(text)
  if (!clock) return undefined
  const name = zoneName(zone)
  const today = wallClock(now, name)
  let at = zonedTime({ ...today, ...clock }, name)
  if (at > now + 60_000) {
    // The day before by the calendar, not 24 hours back: the same wall time across a DST change.
    const y = new Date(Date.UTC(today.year, today.month - 1, today.day - 1))
    const yesterday = { year: y.getUTCFullYear(), month: y.getUTCMonth() + 1, day: y.getUTCDate() }
    at = zonedTime({ ...yesterday, ...clock }, name)
  }
  return new Date(at).toISOString()
}
