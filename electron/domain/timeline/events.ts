import { z } from 'zod'
import {
  defineEvents,
  link,
  text,
  time,
  type EventOf,
  type EventsOf,
  type Known,
} from '../event-base'

/** What a maintainer changed to fight the incident (the runbook's "what I changed"). */
export const ACTION_KINDS = ['rollback', 'restart', 'flag-off', 'scale', 'config', 'other'] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

export const ACTION_LABELS: Record<ActionKind, string> = {
  rollback: 'Rollback',
  restart: 'Restart',
  'flag-off': 'Feature flag off',
  scale: 'Scaled',
  config: 'Config change',
  other: 'Other change',
}

/** The content of an entry, by kind. Images point at `attachments/<file>` of the incident. */
const entryContent = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('note'), text }),
  z.looseObject({ kind: z.literal('paste'), text }),
  z.looseObject({ kind: z.literal('link'), title: text, url: link }),
  z.looseObject({
    kind: z.literal('image'),
    caption: text,
    file: text,
    width: z.number(),
    height: z.number(),
  }),
  z.looseObject({ kind: z.literal('action'), action: z.enum(ACTION_KINDS), text }),
])
export type EntryContent = Known<z.output<typeof entryContent>>

export type EntryKind = EntryContent['kind']
export const ENTRY_KINDS = [
  'note',
  'paste',
  'link',
  'image',
  'action',
] as const satisfies readonly EntryKind[]

/** Fields an edit may change; the image file itself never changes. */
const entryChanges = z.looseObject({
  text: text.optional(),
  title: text.optional(),
  url: link.optional(),
  caption: text.optional(),
  action: z.enum(ACTION_KINDS).optional(),
  /** Re-dates the entry (event time). */
  occurredAt: time.optional(),
  /** false marks the entry as a hypothesis. */
  verified: z.boolean().optional(),
})
export type EntryChanges = Known<z.output<typeof entryChanges>>

export const TIMELINE_EVENTS = defineEvents({
  /** `at` is when it was written; `occurredAt` when it happened (may be earlier). */
  'entry.added': { entryId: text, occurredAt: time, verified: z.boolean(), content: entryContent },
  'entry.edited': { entryId: text, changes: entryChanges },
  'entry.deleted': { entryId: text },
  'entry.restored': { entryId: text },
  /** Shows (or hides again) the secrets found in one entry in copies and exports. */
  'entry.unmasked': { entryId: text, unmasked: z.boolean() },
})

export type EntryAdded = EventOf<(typeof TIMELINE_EVENTS)['entry.added']>
export type EntryEdited = EventOf<(typeof TIMELINE_EVENTS)['entry.edited']>
export type EntryDeleted = EventOf<(typeof TIMELINE_EVENTS)['entry.deleted']>
export type EntryRestored = EventOf<(typeof TIMELINE_EVENTS)['entry.restored']>
export type EntryUnmasked = EventOf<(typeof TIMELINE_EVENTS)['entry.unmasked']>
export type TimelineEvent = EventsOf<typeof TIMELINE_EVENTS>
