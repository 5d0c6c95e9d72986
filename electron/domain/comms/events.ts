import { defineEvents, link, text, type EventOf, type EventsOf } from '../event-base'
import { z } from 'zod'

export const COMMS_EVENTS = defineEvents({
  /** A communication checklist item ticked (or unticked). */
  'comms.checked': { item: text, label: text, done: z.boolean() },
  /** An output copied, logged on the timeline when the user wants it. */
  'comms.copied': { output: text, label: text },
  'comms.p2UrlSet': { url: link },
})

export type CommsChecked = EventOf<(typeof COMMS_EVENTS)['comms.checked']>
export type CommsCopied = EventOf<(typeof COMMS_EVENTS)['comms.copied']>
export type P2UrlSet = EventOf<(typeof COMMS_EVENTS)['comms.p2UrlSet']>
export type CommsEvent = EventsOf<typeof COMMS_EVENTS>
