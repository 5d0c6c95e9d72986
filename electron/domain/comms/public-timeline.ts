import { formatClock, formatDay } from '../../shared/time'
import { audienceOf } from '../timeline/audience'
import type { Incident } from '../incident'
import { releaseItemText, type MaskingPolicy } from './outgoing'
import { publicItemText } from '../timeline/excerpt'
import { isReportable, type TimelineItem } from '../timeline/timeline'

/** One line of the public timeline: what outputs say, masked, with the item it came from. */
export interface PublicLine {
  at: string
  text: string
  /** Absent on a line that stands for a run of updates. */
  item?: TimelineItem
}

/** A status update that says nothing new: "No news", "Nothing new, still investigating". */
const NOTHING_NEW = /\b(nothing new|no news|no change|no changes|no new information|no update)\b/i

/** Whether an update item says nothing the timeline does not already hold. */
function updateShape(item: TimelineItem): 'news' | 'nothing-new' | 'already-said' | null {
  if (item.kind !== 'lifecycle' || !item.update) return null
  const { update } = item
  if (update.undone) return 'already-said'
  if (!update.news) return 'nothing-new'
  if (update.copied) return 'already-said'
  return NOTHING_NEW.test(update.text) && update.text.length < 120 ? 'nothing-new' : 'news'
}

/**
 * Each item's line, kept from one refresh to the next: items are shared by every snapshot of the
 * timeline, so after a note only that note is masked and formatted again (fill.ts formats a line
 * once).
 */
const lines = new WeakMap<TimelineItem, PublicLine>()

function releasedLine(item: TimelineItem, text: string, policy: MaskingPolicy): PublicLine {
  const released = releaseItemText(item, text, policy)
  const kept = lines.get(item)
  if (kept && kept.text === released) return kept
  const line = { at: item.at, text: released, item }
  lines.set(item, line)
  return line
}

const byTime = (a: TimelineItem, b: TimelineItem) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)

/**
 * The incident's public timeline, oldest first: public items only (the per-item toggle wins),
 * each update once as what it said, runs of "nothing new" updates as one line, status moves
 * without a summary another line of the output already gives, secrets masked by the policy.
 */
export function publicTimeline(
  incident: Incident,
  policy: MaskingPolicy,
  options: { includeUnverified?: boolean; summariesShownElsewhere?: readonly string[] } = {},
): PublicLine[] {
  const shownElsewhere = new Set(options.summariesShownElsewhere ?? [])
  const items = incident.timeline
    .filter((item) => {
      // Updates are public as what they said (below), unless toggled internal.
      if (item.kind === 'lifecycle' && item.update) {
        return !item.meta && incident.audience[item.id] !== 'internal'
      }
      return (
        isReportable(item, options.includeUnverified) &&
        audienceOf(item, incident.audience) === 'public'
      )
    })
    .sort(byTime)
  const out: PublicLine[] = []
  let run: TimelineItem[] = []
  // One "nothing new" update alone says nothing worth a line; a run says the updates went on.
  const flush = () => {
    if (run.length > 1) out.push(nothingNewLine(run))
    run = []
  }
  for (const item of items) {
    const shape = updateShape(item)
    if (shape === 'nothing-new') {
      // A run is one cadence: a change ("when there is news") starts a run of its own.
      if (run.length && cadenceOf(run[0]!) !== cadenceOf(item)) flush()
      run.push(item)
      continue
    }
    if (shape === 'already-said') continue
    flush()
    const text =
      shape === 'news' && item.kind === 'lifecycle' && item.update
        ? item.update.text
        : lineText(item, shownElsewhere)
    out.push(releasedLine(item, text, policy))
  }
  flush()
  return out
}

function lineText(item: TimelineItem, shownElsewhere: ReadonlySet<string>): string {
  if (item.kind !== 'lifecycle') return publicItemText(item)
  const text = item.publicText ?? item.text
  const summary = item.statusMove?.summary
  if (summary && shownElsewhere.has(summary) && text.endsWith(`: ${summary}`)) {
    return text.slice(0, -(summary.length + 2))
  }
  return text
}

/** The cadence an update was posted under; older logs did not say (the policy's). */
const cadenceOf = (item: TimelineItem) =>
  (item.kind === 'lifecycle' && item.update?.cadence) || 'policy'

/** A run named by the cadence it had: the lead's choice, else the gap between its updates. */
function runName(run: TimelineItem[]): string {
  const cadence = cadenceOf(run[0]!)
  if (cadence === 'news') return 'Updates when there is news'
  if (cadence === 'daily') return 'Daily updates'
  const gap =
    (Date.parse(run[run.length - 1]!.at) - Date.parse(run[0]!.at)) / Math.max(1, run.length - 1)
  if (gap >= 5 * 86_400_000) return 'Weekly updates'
  return gap >= 20 * 3_600_000 ? 'Daily updates' : gap <= 90 * 60_000 ? 'Hourly updates' : 'Updates'
}

function nothingNewLine(run: TimelineItem[]): PublicLine {
  const first = run[0]!
  const last = run[run.length - 1]!
  const how = runName(run)
  const day = (iso: string) => formatDay(iso, 'UTC')
  const time = (iso: string) => formatClock(iso, { zone: 'UTC', clock: '24h' })
  const span =
    day(first.at) === day(last.at)
      ? `${day(first.at)}, ${time(first.at)} to ${time(last.at)} UTC`
      : `${day(first.at)} to ${day(last.at)}`
  return { at: first.at, text: `${how}, ${span}, nothing new (${run.length} updates)` }
}
