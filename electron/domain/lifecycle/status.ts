/** Incident statuses of the policy (seed 002), in the order an incident normally moves. */
export const STATUSES = ['pending', 'stabilized', 'investigating', 'resolved', 'reviewed'] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, string> = {
  pending: 'Stabilization pending',
  stabilized: 'Stabilized',
  investigating: 'Under investigation',
  resolved: 'Resolved',
  reviewed: 'Reviewed',
}

/** The P2 status tag for each status (runbook seed 001). A new incident is "recorded". */
export const STATUS_TAGS: Record<Status, string> = {
  pending: '#status-recorded',
  stabilized: '#status-stabilized',
  investigating: '#status-investigating',
  resolved: '#status-resolved',
  reviewed: '#status-reviewed',
}

/** Statuses in which the incident still needs attention and updates. */
export const ACTIVE_STATUSES: readonly Status[] = ['pending', 'stabilized', 'investigating']

export function isActive(status: Status): boolean {
  return ACTIVE_STATUSES.includes(status)
}

/** A new incident starts as pending, or as stabilized when it is already stable. */
export const INITIAL_STATUSES = ['pending', 'stabilized'] as const satisfies readonly Status[]
export type InitialStatus = (typeof INITIAL_STATUSES)[number]
