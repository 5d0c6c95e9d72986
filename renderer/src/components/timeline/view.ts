import type { TimelineItem } from '../../../../electron/shared/types'
import { formatMoment } from '../../time'

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

/** "2023-10-03 14:02": the date and time of a moment in the chosen zone, for a text input. */
export function timeOfDay(iso: string, zone: TimeZoneChoice): string {
  const d = new Date(iso)
  const utc = zone === 'utc'
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = utc
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  const [h, m] = utc ? [d.getUTCHours(), d.getUTCMinutes()] : [d.getHours(), d.getMinutes()]
  return `${date} ${pad(h)}:${pad(m)}`
}

/**
 * "This started at 14:02": the latest moment at that time of day that is not in the future
 * (so 23:50 typed just after midnight means yesterday). With a date ("2023-10-03 23:50", or
 * the "T" form), exactly that moment, in the chosen zone; undefined when it cannot be read or
 * lies in the future.
 */
export function backDate(text: string, zone: TimeZoneChoice, now: number): string | undefined {
  const dated = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim())
  if (dated) {
    const [y, mo, day, h, mi] = dated.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ]
    if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59) return undefined
    const at =
      zone === 'utc' ? Date.UTC(y, mo - 1, day, h, mi) : new Date(y, mo - 1, day, h, mi).getTime()
    if (at > now + 60_000) return undefined
    return new Date(at).toISOString()
  }
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!match) return undefined
  const [h, m] = [Number(match[1]), Number(match[2])]
  if (h > 23 || m > 59) return undefined
  const d = new Date(now)
  if (zone === 'utc') d.setUTCHours(h, m, 0, 0)
  else d.setHours(h, m, 0, 0)
  if (d.getTime() > now + 60_000) d.setTime(d.getTime() - 24 * 3_600_000)
  return d.toISOString()
}
