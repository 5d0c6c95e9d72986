import { z } from 'zod'
import { defineEvents, text, type EventOf } from '../event-base'
import type { TimelineItem } from './timeline'

/**
 * Who a timeline item is for. Public: what happened, actions, findings, status moves with their
 * summaries. Internal: handovers, key-time edits, copy logs, update bookkeeping, pasted logs.
 * Outputs carry public items only; the user can override any item either way.
 */
export const AUDIENCES = ['public', 'internal'] as const
export type Audience = (typeof AUDIENCES)[number]

export const AUDIENCE_EVENTS = defineEvents({
  /** The per-item toggle: overrides the default audience of one timeline item. */
  'item.audienceSet': { itemId: text, audience: z.enum(AUDIENCES) },
})
export type AudienceSet = EventOf<(typeof AUDIENCE_EVENTS)['item.audienceSet']>

/** The audience an item has when nobody chose. */
export function defaultAudience(item: TimelineItem): Audience {
  if (item.kind === 'lifecycle') {
    // A comment read from the P2 is already public: it is on the team's shared record.
    if (item.p2) return 'public'
    return item.meta || item.internal || item.update ? 'internal' : 'public'
  }
  // A screenshot without a caption says nothing in text.
  if (item.kind === 'image' && !item.caption.trim()) return 'internal'
  // A pasted log is raw material (hosts, ids, tokens): public only when someone says so.
  if (item.kind === 'paste') return 'internal'
  return 'public'
}

export function audienceOf(
  item: TimelineItem,
  overrides: Readonly<Record<string, Audience>>,
): Audience {
  // Copy logs and snoozes are never news, whatever the toggle says.
  if (item.kind === 'lifecycle' && item.meta) return 'internal'
  return overrides[item.id] ?? defaultAudience(item)
}
