import type { EventBase } from '../events'
import type { RetroDraft } from './draft'

/** The user asks for a retrospective the policy would not propose, or declines a proposed one. */
export interface RetroOptedIn extends EventBase {
  type: 'retro.optedIn'
  reason: string
}
export interface RetroOptedOut extends EventBase {
  type: 'retro.optedOut'
  reason: string
}

/** The whole workspace as typed so far; the newest one wins. */
export interface RetroDraftSaved extends EventBase {
  type: 'retro.draftSaved'
  draft: RetroDraft
}

/** The retrospective was held; its last draft is the record. */
export interface RetroCompleted extends EventBase {
  type: 'retro.completed'
}

/** An action item ticked done (or reopened), from the workspace or the open actions list. */
export interface RetroActionDone extends EventBase {
  type: 'retro.actionDone'
  actionId: string
  title: string
  done: boolean
}

export type RetroEvent =
  RetroOptedIn | RetroOptedOut | RetroDraftSaved | RetroCompleted | RetroActionDone
