import { z } from 'zod'
import { defineEvents, text, type EventOf, type EventsOf } from '../event-base'

export const RETRO_EVENTS = defineEvents({
  /** The user asks for a retrospective the policy would not propose, or declines a proposed one. */
  'retro.optedIn': { reason: text },
  'retro.optedOut': { reason: text },
  /**
   * The whole workspace as typed so far; the newest one wins. Kept as written: the reducer reads
   * it through the workspace's own schema (`RetroDraft`).
   */
  'retro.draftSaved': { draft: z.looseObject({}) },
  /** The retrospective was held; its last draft is the record. */
  'retro.completed': {},
  /** An action item ticked done (or reopened), from the workspace or the open actions list. */
  'retro.actionDone': { actionId: text, title: text, done: z.boolean() },
})

export type RetroOptedIn = EventOf<(typeof RETRO_EVENTS)['retro.optedIn']>
export type RetroOptedOut = EventOf<(typeof RETRO_EVENTS)['retro.optedOut']>
export type RetroDraftSaved = EventOf<(typeof RETRO_EVENTS)['retro.draftSaved']>
export type RetroCompleted = EventOf<(typeof RETRO_EVENTS)['retro.completed']>
export type RetroActionDone = EventOf<(typeof RETRO_EVENTS)['retro.actionDone']>
export type RetroEvent = EventsOf<typeof RETRO_EVENTS>
