import type { EventBase } from '../events'

/** "Posted an update" (or a copied status comment): the countdown starts again. */
export interface UpdatePosted extends EventBase {
  type: 'update.posted'
  text: string
  /** Posted by copying the P2 status comment (copy is posting); absent in older logs. */
  copied?: boolean
  /** Whether the update said anything new; absent means it did (older logs). */
  news?: boolean
  /** When it was posted, if before it was recorded here ("Posted…" at 14:02): the countdown runs from it. */
  postedAt?: string
}

/** Undoes a copy that was counted as posting, within the minute after it. */
export interface UpdateUndone extends EventBase {
  type: 'update.undone'
  updateId: string
}

/** Reminders wait while the update is being written. */
export interface UpdateSnoozed extends EventBase {
  type: 'update.snoozed'
  minutes: number
  until: string
}

/** How often updates are due after Stabilized: the lead's choice within the policy's cap. */
export interface CadenceChosen extends EventBase {
  type: 'cadence.chosen'
  /** 'policy': back to the default for the severity and status. */
  choice: 'policy' | 'daily' | 'news'
}

export type UpdateEvent = UpdatePosted | UpdateUndone | UpdateSnoozed | CadenceChosen
