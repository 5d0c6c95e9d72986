import { findSecrets, type SecretMatch } from '../comms/redaction'
import { audienceOf, type Audience } from './audience'
import { isReportable, itemWords, type TimelineItem, type TimelineList } from './timeline'

export type KindFilter = 'all' | TimelineItem['kind']

/** Which items a window is cut from: the list's search and filters, or the retro's moments. */
export interface TimelineFilter {
  query?: string
  kind?: KindFilter
  showDeleted?: boolean
  /** Only what a report may cite (verified or not), as the retro's key moments. */
  reportable?: boolean
}

/** A stretch of the (filtered) timeline, oldest first, as the renderer asks for it while scrolling. */
export interface TimelineWindow {
  /** Items matching the filter. */
  total: number
  /** Index of items[0] among them. */
  start: number
  items: TimelineItem[]
  /** Entries in the whole timeline, and how many of them are deleted (the toolbar's counts). */
  all: number
  deleted: number
}

/**
 * A timeline item as the list shows it: the audience it has in outputs (the user's override, else
 * its default) and where its text holds secrets (highlighted, counted for "Unmask in exports").
 */
export type ShownItem = TimelineItem & { audience: Audience; secrets: SecretMatch[] }

/** A window as the renderer receives it: each item with the rules above applied by the host. */
export type ShownWindow = Omit<TimelineWindow, 'items'> & { items: ShownItem[] }

export function shownWindow(
  window: TimelineWindow,
  overrides: Readonly<Record<string, Audience>>,
): ShownWindow {
  return {
    ...window,
    items: window.items.map((item) => ({
      ...item,
      audience: audienceOf(item, overrides),
      secrets: findSecrets(shownText(item)),
    })),
  }
}

/** The text the list shows for an item: a P2 comment shows its plain text, the rest their text. */
function shownText(item: TimelineItem): string {
  if (item.kind === 'lifecycle' && item.p2) return item.publicText ?? ''
  return 'text' in item ? item.text : ''
}

/** What the list shows: by kind, matching the search, deleted entries only when asked. */
export function visibleItems(
  items: TimelineList,
  filter: TimelineFilter,
): Pick<TimelineList, 'length' | 'slice'> {
  const query = (filter.query ?? '').trim().toLowerCase()
  const kind = filter.kind ?? 'all'
  // Everything shown: the window slices the timeline itself, no copy of it.
  if (!query && kind === 'all' && filter.showDeleted && !filter.reportable) return items
  return items.filter(
    (item) =>
      (!filter.reportable || isReportable(item, true)) &&
      (kind === 'all' || item.kind === kind) &&
      (filter.showDeleted || item.kind === 'lifecycle' || !item.deleted) &&
      (!query ||
        itemWords(item).toLowerCase().includes(query) ||
        item.by.toLowerCase().includes(query)),
  )
}

// One filtered list per timeline (by identity) and filter: scrolling asks again and again.
const filtered = new WeakMap<
  TimelineList,
  { key: string; items: Pick<TimelineList, 'length' | 'slice'> }
>()
const counts = new WeakMap<TimelineList, number>()

/**
 * `count` items of the filtered timeline from `from` (clamped); without `from`, the newest
 * `count`. Costs a slice once the filter's list is cached for this timeline.
 */
export function timelineWindow(
  timeline: TimelineList,
  window: TimelineFilter & { from?: number; count: number },
): TimelineWindow {
  const key = JSON.stringify([
    window.query ?? '',
    window.kind ?? 'all',
    !!window.showDeleted,
    !!window.reportable,
  ])
  let cached = filtered.get(timeline)
  if (cached?.key !== key) {
    cached = { key, items: visibleItems(timeline, window) }
    filtered.set(timeline, cached)
  }
  let deleted = counts.get(timeline)
  if (deleted === undefined) {
    deleted = 0
    for (const i of timeline) if (i.kind !== 'lifecycle' && i.deleted) deleted++
    counts.set(timeline, deleted)
  }
  const items = cached.items
  const total = items.length
  const start = Math.max(0, Math.min(window.from ?? total - window.count, total - window.count))
  return {
    total,
    start,
    items: items.slice(start, start + window.count),
    all: timeline.length,
    deleted,
  }
}
