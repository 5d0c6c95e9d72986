import { z } from 'zod'
import { defineEvents, text, time, type EventOf, type EventsOf } from '../event-base'

/**
 * How often updates are due after Stabilized: 'policy' (the default for the severity and status),
 * daily, or when there is news (at most a week apart).
 */
export const CADENCE_CHOICES = ['policy', 'daily', 'news'] as const
export type CadenceChoice = (typeof CADENCE_CHOICES)[number]

export const UPDATE_EVENTS = defineEvents({
  /** "Posted an update" (or a copied status comment): the countdown starts again. */
  'update.posted': {
    text,
    /** Posted by copying the P2 status comment (copy is posting); absent in older logs. */
    copied: z.boolean().optional(),
    /** Whether the update said anything new; absent means it did (older logs). */
    news: z.boolean().optional(),
    /** When it was posted, if before it was recorded here ("Posted…" at 14:02): the countdown runs from it. */
    postedAt: time.optional(),
  },
  /** Undoes a copy that was counted as posting, within the minute after it. */
  'update.undone': { updateId: text },
  /** Reminders wait while the update is being written. */
  'update.snoozed': { minutes: z.number(), until: time },
  /** How often updates are due after Stabilized: the lead's choice within the policy's cap. */
  'cadence.chosen': { choice: z.enum(CADENCE_CHOICES) },
})

export type UpdatePosted = EventOf<(typeof UPDATE_EVENTS)['update.posted']>
export type UpdateUndone = EventOf<(typeof UPDATE_EVENTS)['update.undone']>
export type UpdateSnoozed = EventOf<(typeof UPDATE_EVENTS)['update.snoozed']>
export type CadenceChosen = EventOf<(typeof UPDATE_EVENTS)['cadence.chosen']>
export type UpdateEvent = EventsOf<typeof UPDATE_EVENTS>
