import type { EventBase } from '../events'

/** A communication checklist item ticked (or unticked). */
export interface CommsChecked extends EventBase {
  type: 'comms.checked'
  item: string
  label: string
  done: boolean
}

/** An output copied, logged on the timeline when the user wants it. */
export interface CommsCopied extends EventBase {
  type: 'comms.copied'
  output: string
  label: string
}

export interface P2UrlSet extends EventBase {
  type: 'comms.p2UrlSet'
  url: string
}

export type CommsEvent = CommsChecked | CommsCopied | P2UrlSet
