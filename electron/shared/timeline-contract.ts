import { z } from 'zod'
import { EntryId, IncidentId } from '../domain/incident/ids'
import { AUDIENCES, type Audience } from '../domain/timeline/audience'
import type { Entry } from '../domain/timeline/timeline'
import type { ShownWindow } from '../domain/timeline/window'
import {
  Caption,
  EntryChangesInput,
  IMAGE_MAX_BYTES,
  OccurredAt,
  TypedEntry,
} from '../domain/timeline/commands'

// Kept beside ipc-contract.ts (which spreads it in) so the timeline's channels read together.
const Id = IncidentId
const EntryRef = z.object({ incidentId: Id, entryId: EntryId }).strict()

/** Base64 of at most 20 MB of PNG. */
const PngBase64 = z
  .string({ error: 'The image must be sent as base64 PNG bytes.' })
  .max(
    Math.ceil(IMAGE_MAX_BYTES / 3) * 4,
    'That image is over 20 MB; crop it or capture one window instead of the whole screen.',
  )
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The image must be sent as base64 PNG bytes.')

export interface CaptureSource {
  id: string
  name: string
  kind: 'screen' | 'window'
}

export interface CaptureSources {
  permission: 'granted' | 'denied' | 'not-needed' | 'unavailable'
  /** What to do when capturing is not possible. */
  help?: string
  sources: CaptureSource[]
}

export interface QuickNoteContext {
  incident: { id: string; title: string } | null
}

export interface Spec<I extends z.ZodType, O> {
  input: I
  output?: O
}
const spec = <O>() => ({
  of: <I extends z.ZodType>(input: I): Spec<I, O> => ({ input }),
})
const NoInput = z.undefined({ error: 'This call takes no input.' })

/** The largest window one call hands out: the retro's moments ask for all, the list for a screenful. */
export const WINDOW_MAX = 100_000

export const TimelineContract = {
  /** A stretch of the timeline (filtered as the list is), oldest first; without `from`, the newest. */
  'timeline:window': spec<ShownWindow>().of(
    z
      .object({
        id: Id,
        from: z.number().int().min(0).optional(),
        count: z.number().int().min(1).max(WINDOW_MAX),
        query: z.string().max(500).optional(),
        kind: z.enum(['all', 'note', 'paste', 'link', 'image', 'action', 'lifecycle']).optional(),
        showDeleted: z.boolean().optional(),
        reportable: z.boolean().optional(),
      })
      .strict(),
  ),
  'timeline:add': spec<Entry>().of(
    z
      .object({
        incidentId: Id,
        entry: TypedEntry,
        occurredAt: OccurredAt.optional(),
        verified: z.boolean().optional(),
      })
      .strict(),
  ),
  'timeline:edit': spec<Entry>().of(EntryRef.extend({ changes: EntryChangesInput }).strict()),
  'timeline:delete': spec<Entry>().of(EntryRef),
  'timeline:restore': spec<Entry>().of(EntryRef),
  'timeline:unmask': spec<Entry>().of(EntryRef.extend({ unmasked: z.boolean() }).strict()),
  /** Public or internal: the per-item toggle that overrides the default audience in outputs. */
  'timeline:audience': spec<{ itemId: string; audience: Audience }>().of(
    z
      .object({
        incidentId: Id,
        itemId: EntryId,
        audience: z.enum(AUDIENCES, { error: 'Choose public or internal.' }),
      })
      .strict(),
  ),
  'attachment:add': spec<Entry>().of(
    z
      .object({
        incidentId: Id,
        png: PngBase64,
        caption: Caption.default(''),
        occurredAt: OccurredAt.optional(),
      })
      .strict(),
  ),
  'attachment:get': spec<{ dataUrl: string }>().of(EntryRef),
  'capture:sources': spec<CaptureSources>().of(NoInput),
  'capture:take': spec<Entry>().of(
    z
      .object({
        incidentId: Id,
        sourceId: z.string().min(1).max(200),
        caption: Caption.default(''),
      })
      .strict(),
  ),
  'quicknote:target': spec<{ incidentId: string | null }>().of(
    z.object({ incidentId: Id.nullable() }).strict(),
  ),
  'quicknote:context': spec<QuickNoteContext>().of(NoInput),
  'quicknote:add': spec<{ incidentId: string; entry: Entry }>().of(
    z.object({ text: TypedEntry.options[0].shape.text }).strict(),
  ),
}
