import type { Incident } from '../incident'
import { isActive, type Status } from './status'

/**
 * The times an incident reached its milestones, worked out once from its status history and key
 * times: the summary, the key-times panel, the retrospective's due rule, History and Insights all
 * read them here.
 */
type Milestones = Pick<Incident, 'status' | 'keyTimes' | 'statusHistory'>

const CLOSED: readonly Status[] = ['resolved', 'reviewed']

/**
 * When the impact was first stabilized. keyTimes.stabilizedAt is the latest stabilization (or its
 * correction), so it is the first only when the incident was stabilized once; otherwise the first
 * comes from the status history. An incident closed without passing Stabilized was stabilized
 * when it was closed. Null while neither happened.
 */
export function firstStabilizedAt(incident: Milestones): string | null {
  const stabilized = incident.statusHistory.filter((s) => s.status === 'stabilized')
  if (stabilized.length === 1) return incident.keyTimes.stabilizedAt ?? stabilized[0]!.at
  if (stabilized.length > 1) return stabilized[0]!.at
  return incident.statusHistory.find((s) => CLOSED.includes(s.status))?.at ?? null
}

/**
 * When the incident was last resolved (keyTimes.resolvedAt, which a correction moves). Null while
 * it is active: the key time is kept after "It happened again", but the incident is not resolved.
 */
export function resolvedAt(incident: Milestones): string | null {
  if (isActive(incident.status)) return null
  const lastResolved = incident.statusHistory.findLast((s) => s.status === 'resolved')
  return incident.keyTimes.resolvedAt ?? lastResolved?.at ?? null
}

/** Milliseconds from one time to a later one; a time corrected to before its start counts as 0. */
export function elapsed(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from))
}
