import { z } from 'zod'
import { defineEvents, text, type EventOf, type EventsOf } from '../event-base'
import { repairDraft, StoredDraft } from './stored-draft'

export const RETRO_EVENTS = defineEvents({
  /** The user asks for a retrospective the policy would not propose, or declines a proposed one. */
  'retro.optedIn': { reason: text },
  'retro.optedOut': { reason: text },
  /**
   * The whole workspace as typed so far; the newest one wins. Strict (`StoredDraft`): saving and
   * importing refuse any other; reading a log repairs one (RETRO_READ_REPAIRS).
   */
  'retro.draftSaved': { draft: StoredDraft },
  /** The retrospective was held; its last draft is the record. */
  'retro.completed': {},
  /** An action item ticked done (or reopened), from the workspace or the open actions list. */
  'retro.actionDone': { actionId: text, title: text, done: z.boolean() },
})

/**
 * Reading a log, a draft that fails its schema (hand-edited, imported by a version before the
 * schema was strict) is repaired, with a notice, never set aside and never trusted as it is: the
 * reader runs this, then the schema again.
 */
export const RETRO_READ_REPAIRS = {
  'retro.draftSaved': (event: Record<string, unknown>) => {
    const { draft, fixes } = repairDraft(event.draft)
    return {
      event: { ...event, draft },
      why: `the retrospective draft held ${fixes.join(', ') || 'nothing to change'}`,
    }
  },
}

export type RetroOptedIn = EventOf<(typeof RETRO_EVENTS)['retro.optedIn']>
export type RetroOptedOut = EventOf<(typeof RETRO_EVENTS)['retro.optedOut']>
export type RetroDraftSaved = EventOf<(typeof RETRO_EVENTS)['retro.draftSaved']>
export type RetroCompleted = EventOf<(typeof RETRO_EVENTS)['retro.completed']>
export type RetroActionDone = EventOf<(typeof RETRO_EVENTS)['retro.actionDone']>
export type RetroEvent = EventsOf<typeof RETRO_EVENTS>
