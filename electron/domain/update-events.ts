import type { EventBase } from './events'

/** "Posted an update": its text is on the timeline and the countdown starts again. */
export interface UpdatePosted extends EventBase {
  type: 'update.posted'
  text: string
}

/** Reminders wait while the update is being written. */
export interface UpdateSnoozed extends EventBase {
  type: 'update.snoozed'
  minutes: number
  until: string
}

export type UpdateEvent = UpdatePosted | UpdateSnoozed
