import type { Incident } from '../incident'
import type { SeverityScaleId } from '../incident/severity'
import { postedUpdates } from '../comms/posted-updates'
import { isActive, type Status } from '../lifecycle/status'
import { firstStabilizedAt, resolvedAt } from '../lifecycle/times'

/**
 * What insights need to know about one incident, taken once from its fold. Small and
 * JSON-serialisable so the store can cache it in index.json: insights never replay logs.
 */
export interface IncidentFacts {
  id: string
  title: string
  /** The current severity. */
  severity: number
  scale: SeverityScaleId
  status: Status
  recordedAt: string
  /** keyTimes.detectedAt: the recording time unless someone corrected it. */
  detectedAt: string
  /** First time it reached stabilized (or resolved/closed state if it skipped stabilized); null if never. */
  stabilizedAt: string | null
  /** Latest resolution (keyTimes.resolvedAt); null if not resolved (or reopened since). */
  resolvedAt: string | null
  /** Everyone who led it, first to last, each once. */
  leads: string[]
  /**
   * Each posted status update while the incident was active, oldest first: when the previous
   * update (or the recording) happened, when this one was posted, and the severity in force when
   * it was posted, whose cadence the countdown was using then. Enough to judge punctuality against
   * any cadence later.
   */
  updates: { since: string; at: string; severity: number }[]
  /** The incident this one is a recurrence of (links relation 'recurrence-of'), if any. */
  recurrenceOf: { id: string; title: string } | null
}

export function incidentFacts(incident: Incident): IncidentFacts {
  const link = incident.links.find((l) => l.relation === 'recurrence-of')
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    scale: incident.scale,
    status: incident.status,
    recordedAt: incident.recordedAt,
    detectedAt: incident.keyTimes.detectedAt,
    stabilizedAt: firstStabilizedAt(incident),
    resolvedAt: resolvedAt(incident),
    leads: [...new Set(incident.leadHistory.map((l) => l.lead))],
    updates: updateTimings(incident),
    recurrenceOf: link ? { id: link.id, title: link.title } : null,
  }
}

/** Each posted update while the incident was active, with what it was judged against. */
function updateTimings(incident: Incident): IncidentFacts['updates'] {
  const times = postedUpdates(incident.timeline)
    .map((u) => u.at)
    .filter((at) => isActive(inForce(incident.statusHistory, at)?.status ?? incident.status))
    .sort()
  const initialSeverity = incident.severityHistory[0]?.from ?? incident.severity
  return times.map((at, i) => ({
    since: times[i - 1] ?? incident.recordedAt,
    at,
    severity: inForce(incident.severityHistory, at)?.to ?? initialSeverity,
  }))
}

/** The last entry at or before `at` (a change at the same instant has taken effect). */
function inForce<T extends { at: string }>(history: readonly T[], at: string): T | undefined {
  return history.filter((h) => h.at <= at).at(-1)
}
