import { z } from 'zod'
import { IncidentId } from '../domain/incident/ids'
import { MEASURE_KINDS, MEASURE_KIND_LABELS } from '../domain/mitigation/events'
import { cleanLine } from '../domain/incident/input-rules'
import { HttpsUrl } from '../domain/settings/runbooks'

/** Zod inputs of the mitigation channels (registers, runbooks, resolve); the contract in ipc-contract.ts uses them. */

const Id = IncidentId
const ItemId = (what: string) =>
  z
    .string({ error: `Say which ${what}.` })
    .min(1, `Say which ${what}.`)
    .max(100)
const Text = (required: string, max = 500) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(max, `Keep it under ${max.toLocaleString('en')} characters.`)
// Short fields (names, titles, what was done) are single lines: no control or bidi characters.
const Line = (required: string, max = 500) =>
  z
    .string({ error: required })
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .trim()
        .min(1, required)
        .max(max, `Keep it under ${max.toLocaleString('en')} characters.`),
    )
const Optional = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max.toLocaleString('en')} characters.`)

export const AlarmSilenceInput = z
  .object({
    id: Id,
    name: Line('Name the alarm you silenced, like “API 5xx”.', 200),
    link: HttpsUrl.optional().or(z.literal('').transform(() => undefined)),
  })
  .strict()

export const AlarmReenableInput = z.object({ id: Id, alarmId: ItemId('alarm') }).strict()

export const MeasureStartInput = z
  .object({
    id: Id,
    kind: z.enum(MEASURE_KINDS, {
      error: `Pick a kind: ${Object.values(MEASURE_KIND_LABELS).join(', ')}.`,
    }),
    what: Line('Say exactly what was changed, like “feature flag search-v2”.'),
    undoPlan: Text('Write the undo plan, so whoever cleans up knows how.'),
    backupConfirmed: z.boolean().default(false),
  })
  .strict()

export const MeasureUndoInput = z
  .object({
    id: Id,
    measureId: ItemId('measure'),
    note: Optional().default(''),
    full: z.boolean({ error: 'Say whether it is fully undone.' }),
  })
  .strict()
  .refine((x) => x.full || x.note.length > 0, {
    message: 'Say how far it is undone, like “re-enabled for 10% of traffic”.',
    path: ['note'],
  })

export const MeasureKeepInput = z
  .object({
    id: Id,
    measureId: ItemId('measure'),
    reason: Text('Say why the measure stays, so nobody undoes it by mistake.'),
  })
  .strict()

export const PartyAddInput = z
  .object({
    id: Id,
    who: Line('Say who was contacted, like “Cloudflare support”.', 200),
    channel: Line('Say how they were contacted: email, ticket, phone…', 200),
    reference: Optional(200).default(''),
  })
  .strict()

export const PartyUpdateInput = z
  .object({
    id: Id,
    partyId: ItemId('third party'),
    reference: Optional(200).optional(),
    answer: Optional(2000).optional(),
  })
  .strict()
  .refine((x) => x.reference !== undefined || x.answer !== undefined, {
    message: 'Give their reference or their answer.',
  })

export const FollowupAddInput = z
  .object({
    id: Id,
    title: Line('Give the follow-up issue a title.', 300),
    url: HttpsUrl.optional().or(z.literal('').transform(() => undefined)),
    critical: z.boolean({ error: 'Say whether the follow-up is critical.' }),
  })
  .strict()

export const FollowupUpdateInput = z
  .object({
    id: Id,
    followupId: ItemId('follow-up'),
    done: z.boolean().optional(),
    critical: z.boolean().optional(),
  })
  .strict()
  .refine((x) => x.done !== undefined || x.critical !== undefined, {
    message: 'Say what changed: done or critical.',
  })

/** The folder dialog's answer as a token (services/picked-paths.ts), never a path. */
export const RunbookImportInput = z
  .object({
    folder: z
      .string({ error: 'Choose the folder that holds the Markdown runbooks.' })
      .uuid('Choose the folder that holds the Markdown runbooks with Choose….'),
  })
  .strict()

export const RunbookLinkInput = z.object({ id: Id, runbookId: ItemId('runbook') }).strict()

export const RunbookCheckInput = z
  .object({
    id: Id,
    step: z.number().int().min(0, 'That step does not exist.'),
    done: z.boolean(),
  })
  .strict()

export const ResolveInput = z
  .object({
    id: Id,
    solutionSummary: Text('Write the solution summary: in a sentence, how was it solved?', 2000),
    override: z
      .object({
        reason: Text('Give the reason for resolving with items still open.', 1000),
      })
      .strict()
      .optional(),
  })
  .strict()

export interface RunbookImportReport {
  imported: { id: string; title: string; steps: number; file: string }[]
  skipped: { file: string; reason: string }[]
}
