import { cadenceMinutes, MINUTE, type Cadence } from '../comms/cadence'
import { elapsed } from '../lifecycle/times'
import type { IncidentFacts } from './facts'

const DAY = 24 * 60 * MINUTE
const WEEK = 7 * DAY

/**
 * The p-th percentile (0 ≤ p ≤ 100) by linear interpolation between closest ranks: the "R-7"
 * method of R and NumPy's default, Excel's PERCENTILE.INC. Sorted ascending, the value sits at
 * rank h = (n − 1) · p / 100 (from 0); a fractional rank interpolates between its two neighbours.
 * So the median is percentile(xs, 50), percentile(xs, 0) the minimum, percentile(xs, 100) the
 * maximum. Null for no values. The input need not be sorted and is not changed.
 */
export function percentile(sortedOrUnsorted: number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile is between 0 and 100, not ${p}.`)
  if (sortedOrUnsorted.length === 0) return null
  const xs = [...sortedOrUnsorted].sort((a, b) => a - b)
  // The rank is kept as (n − 1) · p in hundredths so whole percentiles interpolate exactly.
  const scaled = (xs.length - 1) * p
  const lo = Math.floor(scaled / 100)
  const lower = xs[lo]!
  const upper = xs[Math.min(lo + 1, xs.length - 1)]!
  return lower + ((upper - lower) * (scaled - lo * 100)) / 100
}

export interface WeekCount {
  /** Monday of the week, UTC (YYYY-MM-DD); the week runs to the next Monday 00:00 UTC. */
  weekStart: string
  /** Incidents by their current severity; a level with none is left out. */
  bySeverity: Record<number, number>
  total: number
}

/**
 * Incidents per calendar week (Monday 00:00 UTC to the next Monday), counted by when they were
 * recorded: the recording is the one time every incident has and no one corrects. The last
 * `weeks` weeks including the one `now` falls in, oldest first, empty weeks included.
 */
export function incidentsPerWeek(
  facts: IncidentFacts[],
  opts: { now: Date; weeks: number },
): WeekCount[] {
  const today = Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate())
  const thisMonday = today - ((opts.now.getUTCDay() + 6) % 7) * DAY
  const first = thisMonday - (opts.weeks - 1) * WEEK
  const rows: WeekCount[] = Array.from({ length: Math.max(0, opts.weeks) }, (_, i) => ({
    weekStart: new Date(first + i * WEEK).toISOString().slice(0, 10),
    bySeverity: {},
    total: 0,
  }))
  for (const f of facts) {
    const row = rows[Math.floor((Date.parse(f.recordedAt) - first) / WEEK)]
    if (!row) continue
    row.bySeverity[f.severity] = (row.bySeverity[f.severity] ?? 0) + 1
    row.total += 1
  }
  return rows
}

/** Median, 90th percentile and number of values; null when there are none. */
export interface Spread {
  median: number
  p90: number
  n: number
}

export interface SeverityDurations {
  severity: number
  /** Incidents at this severity, whether stabilized, resolved or neither. */
  count: number
  /** Minutes from detection to the first stabilization, over the incidents stabilized. */
  stabilize: Spread | null
  /** Minutes from detection to the (latest) resolution, over the incidents resolved. */
  resolve: Spread | null
}

/**
 * Time to stabilize (stabilizedAt − detectedAt) and to resolve (resolvedAt − detectedAt), in
 * minutes, by the incident's current severity: one row per level present, most severe first.
 * Incidents not yet stabilized or resolved are left out of that measure only. A key time
 * corrected to before detection counts as 0.
 */
export function durationsBySeverity(facts: IncidentFacts[]): SeverityDurations[] {
  return groupBy(facts, (f) => f.severity).map(([severity, group]) => ({
    severity,
    count: group.length,
    stabilize: spread(group.flatMap((f) => minutesSinceDetected(f, f.stabilizedAt))),
    resolve: spread(group.flatMap((f) => minutesSinceDetected(f, f.resolvedAt))),
  }))
}

function minutesSinceDetected(f: IncidentFacts, end: string | null): number[] {
  return end === null ? [] : [elapsed(f.detectedAt, end) / MINUTE]
}

function spread(xs: number[]): Spread | null {
  const median = percentile(xs, 50)
  const p90 = percentile(xs, 90)
  return median === null || p90 === null ? null : { median, p90, n: xs.length }
}

export interface Punctuality {
  posted: number
  onTime: number
  /** onTime / posted, from 0 to 1; null when nothing was posted. */
  share: number | null
}

export interface UpdatePunctuality extends Punctuality {
  bySeverity: (Punctuality & { severity: number })[]
}

/**
 * How many posted updates came on time. An update is on time when at − since ≤ the cadence for
 * the severity in force when it was posted (cadenceMinutes), so one posted exactly on the deadline
 * is on time. Only posted updates are judged: an update that never came counts nowhere.
 * bySeverity has one row per level with updates, most severe first.
 */
export function updatePunctuality(facts: IncidentFacts[], cadence: Cadence): UpdatePunctuality {
  const updates = facts.flatMap((f) => f.updates)
  const judge = (list: IncidentFacts['updates']): Punctuality => {
    const onTime = list.filter(
      (u) => Date.parse(u.at) - Date.parse(u.since) <= cadenceMinutes(cadence, u.severity) * MINUTE,
    ).length
    return { posted: list.length, onTime, share: list.length ? onTime / list.length : null }
  }
  return {
    ...judge(updates),
    bySeverity: groupBy(updates, (u) => u.severity).map(([severity, list]) => ({
      severity,
      ...judge(list),
    })),
  }
}

export interface LeadCount {
  /** The lead's name; '' for incidents no one led. */
  lead: string
  incidents: number
}

/**
 * Who led the incidents recorded in the last `days` days (recordedAt ≥ now − days × 24 h). A
 * person counts once per incident they led, however often the lead came back to them; incidents
 * never led count under lead '' (the UI names it). Most incidents first, then by name.
 */
export function leadDistribution(
  facts: IncidentFacts[],
  opts: { now: Date; days: number },
): LeadCount[] {
  const since = opts.now.getTime() - opts.days * DAY
  const counts = new Map<string, number>()
  for (const f of facts) {
    if (Date.parse(f.recordedAt) < since) continue
    for (const lead of f.leads.length ? new Set(f.leads) : ['']) {
      counts.set(lead, (counts.get(lead) ?? 0) + 1)
    }
  }
  return [...counts]
    .map(([lead, incidents]) => ({ lead, incidents }))
    .sort((a, b) => b.incidents - a.incidents || a.lead.localeCompare(b.lead, 'en'))
}

export interface RecurringIncident {
  id: string
  title: string
  recordedAt: string
  recurrenceOf: { id: string; title: string }
}

/** Incidents recorded as a recurrence of an earlier one, newest recording first. */
export function recurringIncidents(facts: IncidentFacts[]): RecurringIncident[] {
  return facts
    .flatMap((f) =>
      f.recurrenceOf
        ? [{ id: f.id, title: f.title, recordedAt: f.recordedAt, recurrenceOf: f.recurrenceOf }]
        : [],
    )
    .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt))
}

/** Items grouped by a numeric key, in ascending key order. */
function groupBy<T>(items: readonly T[], key: (item: T) => number): [number, T[]][] {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return [...groups].sort(([a], [b]) => a - b)
}

export interface Insights {
  perWeek: WeekCount[]
  durations: SeverityDurations[]
  punctuality: UpdatePunctuality
  leads: LeadCount[]
  recurring: RecurringIncident[]
}

/** Every insight at once: the last 12 weeks and the leads of the last 90 days unless told. */
export function computeInsights(
  facts: IncidentFacts[],
  opts: { now: Date; cadence: Cadence; weeks?: number; leadDays?: number },
): Insights {
  return {
    perWeek: incidentsPerWeek(facts, { now: opts.now, weeks: opts.weeks ?? 12 }),
    durations: durationsBySeverity(facts),
    punctuality: updatePunctuality(facts, opts.cadence),
    leads: leadDistribution(facts, { now: opts.now, days: opts.leadDays ?? 90 }),
    recurring: recurringIncidents(facts),
  }
}
