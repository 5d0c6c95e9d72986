import { ACTIVE_STATUSES } from '../../../../electron/shared/format'
import type { IncidentSummary, Status } from '../../../../electron/shared/types'
import { zonedTime } from '../../../../electron/shared/time'

/** The history's filters as the form holds them: empty means "any". */
export interface HistoryFilters {
  text: string
  /** A status, 'active' for any active one, or '' for any. */
  status: Status | 'active' | ''
  severity: number | null
  /** A lead's name, NO_LEAD for incidents nobody led, or '' for any. */
  lead: string
  /** Calendar days (YYYY-MM-DD) in the user's zone from the date inputs, inclusive. */
  from: string
  to: string
}

export const NO_LEAD = '\u0000none'

export const NO_FILTERS: HistoryFilters = {
  text: '',
  status: '',
  severity: null,
  lead: '',
  from: '',
  to: '',
}

/** Start of a calendar day (YYYY-MM-DD) in `zone` as epoch ms; the date inputs speak its days. */
function dayStart(day: string, zone: string, plusDays = 0): number {
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(y!, m! - 1, d! + plusDays))
  const wall = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  }
  return zonedTime({ ...wall, hour: 0, minute: 0 }, zone)
}

/**
 * The incidents that pass every filter, in the order given (newest first from the host).
 * `textMatches` is the host's answer to the search box (null while there is no search text);
 * `zone` is the user's time zone, whose days the date filters name.
 */
export function filterHistory(
  incidents: readonly IncidentSummary[],
  filters: HistoryFilters,
  textMatches: ReadonlySet<string> | null,
  zone: string,
): IncidentSummary[] {
  const from = filters.from ? dayStart(filters.from, zone) : -Infinity
  const to = filters.to ? dayStart(filters.to, zone, 1) : Infinity
  return incidents.filter((incident) => {
    if (textMatches && !textMatches.has(incident.id)) return false
    if (filters.status === 'active' && !ACTIVE_STATUSES.includes(incident.status)) return false
    if (filters.status && filters.status !== 'active' && incident.status !== filters.status) {
      return false
    }
    if (filters.severity !== null && incident.severity !== filters.severity) return false
    if (filters.lead === NO_LEAD && incident.lead) return false
    if (filters.lead && filters.lead !== NO_LEAD && incident.lead !== filters.lead) return false
    const recorded = Date.parse(incident.recordedAt)
    return recorded >= from && recorded < to
  })
}

/** Everyone who has led an incident, for the lead filter, alphabetically. */
export function leadsOf(incidents: readonly IncidentSummary[]): string[] {
  const names = new Set<string>()
  for (const incident of incidents) if (incident.lead) names.add(incident.lead)
  return [...names].sort((a, b) => a.localeCompare(b))
}

export function isFiltered(filters: HistoryFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof HistoryFilters)[]).some(
    (key) => filters[key] !== NO_FILTERS[key],
  )
}
