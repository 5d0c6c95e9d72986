import type { TimelineItem } from '../../../electron/domain/timeline'
import { ACTION_LABELS } from '../../../electron/domain/timeline-events'

export type TimeZoneChoice = 'local' | 'utc'
export type KindFilter = 'all' | TimelineItem['kind']

export const KIND_LABELS: Record<TimelineItem['kind'], string> = {
  note: 'Notes',
  paste: 'Pasted text',
  link: 'Links',
  image: 'Images',
  action: 'Actions',
  lifecycle: 'Automatic',
}

/** The words of an item, for searching. */
export function itemText(item: TimelineItem): string {
  switch (item.kind) {
    case 'lifecycle':
    case 'note':
    case 'paste':
      return item.text
    case 'link':
      return `${item.title} ${item.url}`
    case 'image':
      return item.caption
    case 'action':
      return `${ACTION_LABELS[item.action]} ${item.text}`
  }
}

/** What the list shows: by kind, matching the search, deleted entries only when asked. */
export function visibleItems(
  items: readonly TimelineItem[],
  options: { query: string; kind: KindFilter; showDeleted: boolean },
): TimelineItem[] {
  const query = options.query.trim().toLowerCase()
  return items.filter(
    (item) =>
      (options.kind === 'all' || item.kind === options.kind) &&
      (options.showDeleted || item.kind === 'lifecycle' || !item.deleted) &&
      (!query ||
        itemText(item).toLowerCase().includes(query) ||
        item.by.toLowerCase().includes(query)),
  )
}

const formats = {
  local: new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
  utc: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }),
}

/** "Mon 14:02" in local time, "Mon 13:02 UTC" in UTC. */
export function formatTime(iso: string, zone: TimeZoneChoice): string {
  const text = formats[zone].format(new Date(iso))
  return zone === 'utc' ? `${text} UTC` : text
}

/** The HH:MM of a moment in the chosen zone, for a time input. */
export function timeOfDay(iso: string, zone: TimeZoneChoice): string {
  const d = new Date(iso)
  const [h, m] =
    zone === 'utc' ? [d.getUTCHours(), d.getUTCMinutes()] : [d.getHours(), d.getMinutes()]
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/**
 * "This started at 14:02": the latest moment at that time of day that is not in the future
 * (so 23:50 typed just after midnight means yesterday).
 */
export function backDate(hhmm: string, zone: TimeZoneChoice, now: number): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim())
  if (!match) return undefined
  const [h, m] = [Number(match[1]), Number(match[2])]
  if (h > 23 || m > 59) return undefined
  const d = new Date(now)
  if (zone === 'utc') d.setUTCHours(h, m, 0, 0)
  else d.setHours(h, m, 0, 0)
  if (d.getTime() > now + 60_000) d.setTime(d.getTime() - 24 * 3_600_000)
  return d.toISOString()
}
