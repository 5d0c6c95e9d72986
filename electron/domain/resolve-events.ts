import type { EventBase } from './events'

/**
 * Stand-in for issue 3's move to Resolved, kept in this one file so the lead engineer can map
 * it onto `status.changed` when merging.
 */
export interface IncidentResolved extends EventBase {
  type: 'incident.resolved'
  solutionSummary: string
}

/** Resolved although the checklist was not clear: the reason goes on the timeline. */
export interface ResolveOverridden extends EventBase {
  type: 'resolve.overridden'
  reason: string
  outstanding: string[]
}

export type ResolveEvent = IncidentResolved | ResolveOverridden
