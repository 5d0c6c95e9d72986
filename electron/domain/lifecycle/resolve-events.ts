import type { EventBase } from '../events'

/** Resolved although the checklist was not clear: the reason goes on the timeline. */
export interface ResolveOverridden extends EventBase {
  type: 'resolve.overridden'
  reason: string
  outstanding: string[]
}

export type ResolveEvent = ResolveOverridden
