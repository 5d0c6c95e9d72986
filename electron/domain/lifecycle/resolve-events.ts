import { z } from 'zod'
import { defineEvents, text, type EventOf, type EventsOf } from '../event-base'

export const RESOLVE_EVENTS = defineEvents({
  /** Resolved although the checklist was not clear: the reason goes on the timeline. */
  'resolve.overridden': { reason: text, outstanding: z.array(text) },
})

export type ResolveOverridden = EventOf<(typeof RESOLVE_EVENTS)['resolve.overridden']>
export type ResolveEvent = EventsOf<typeof RESOLVE_EVENTS>
