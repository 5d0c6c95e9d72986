import { z } from 'zod'
import { cleanLine, EARLIEST_MESSAGE, linkKind, notTooEarly } from '../incident/input-rules'
import { UserError } from '../incident/errors'
import { authorOf, stamp, type CommandContext } from '../command'
import { isActive } from '../lifecycle/status'
import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import { findEntry, type Entry } from './timeline'
import {
  ACTION_KINDS,
  type EntryAdded,
  type EntryChanges,
  type EntryContent,
  type TimelineEvent,
} from './events'

/** An entry's text is at most 1 MB (UTF-8): a log excerpt, not a whole log file. */
export const ENTRY_TEXT_MAX_BYTES = 1024 * 1024
/** A screenshot is at most 20 MB as PNG. */
export const IMAGE_MAX_BYTES = 20 * 1024 * 1024

const utf8 = new TextEncoder()
export const byteLength = (text: string) => utf8.encode(text).length

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

export function tooLongMessage(bytes: number): string {
  return `This text is ${formatBytes(bytes)}; an entry holds at most 1 MB. Paste the lines that matter (the first error, the stack trace) and keep the full log file elsewhere.`
}

const EntryText = (empty: string) =>
  z
    .string({ error: empty })
    // One check, not a refine and a superRefine: every typed entry passes through it.
    .superRefine((t, check) => {
      if (t.trim().length === 0) {
        check.addIssue({ code: 'custom', message: empty })
        return
      }
      // Length first: a 10 MB paste is refused without encoding it, and a text short enough that
      // even 3 bytes per UTF-16 unit fit (every note typed) is not encoded at all.
      if (t.length * 3 <= ENTRY_TEXT_MAX_BYTES) return
      const bytes = t.length > ENTRY_TEXT_MAX_BYTES ? t.length : byteLength(t)
      if (bytes > ENTRY_TEXT_MAX_BYTES) {
        check.addIssue({ code: 'custom', message: tooLongMessage(byteLength(t)) })
      }
    })

const Title = z
  .string()
  .transform(cleanLine)
  .pipe(z.string().trim().max(300, 'Keep a link title under 300 characters.'))
const Url = z
  .string({ error: 'Give the link its address.' })
  .trim()
  .max(4000, 'That address is too long (over 4000 characters).')
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && linkKind(u) !== null, {
    message: 'A link needs a full address starting with https:// (or http://).',
  })
const Caption = z.string().trim().max(2000, 'Keep a caption under 2000 characters.')
const Action = z.enum(ACTION_KINDS, {
  error: 'Choose what you changed: rollback, restart, flag off, scale, config change or other.',
})

/** A time the entry happened (back-dating); the host refuses times in the future. */
export const OccurredAt = z.iso
  .datetime({
    offset: true,
    error: 'The time it happened must be a date and time, like 2026-11-23T14:02:00Z.',
  })
  .refine(notTooEarly, EARLIEST_MESSAGE)

/** Entries typed by the user; images come through attachment:add and capture:take. */
export const TypedEntry = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('note'),
        text: EntryText('Write something first: the note is empty.'),
      })
      .strict(),
    z
      .object({ kind: z.literal('paste'), text: EntryText('Paste some text first: it is empty.') })
      .strict(),
    z.object({ kind: z.literal('link'), title: Title.default(''), url: Url }).strict(),
    z
      .object({
        kind: z.literal('action'),
        action: Action,
        text: EntryText('Say what you changed, e.g. "rolled back api to v2.14.1".'),
      })
      .strict(),
  ],
  { error: 'An entry is a note, a paste, a link or an action.' },
)
export type TypedEntry = z.output<typeof TypedEntry>

export const EntryChangesInput = z
  .object({
    text: EntryText('An entry cannot be edited down to nothing; delete it instead.').optional(),
    title: Title.optional(),
    url: Url.optional(),
    caption: Caption.optional(),
    action: Action.optional(),
    occurredAt: OccurredAt.optional(),
    verified: z.boolean().optional(),
  })
  .strict()

export { Caption }

type Ctx = CommandContext

/**
 * A resolved or reviewed incident is a closed record: its timeline is read-only. If it happened
 * again, the recurrence rule reopens it (within 48 hours) or records a linked incident.
 */
export function assertWritable(incident: Incident): void {
  if (!isActive(incident.status)) {
    throw new UserError(
      'read-only',
      `“${incident.title}” is ${incident.status}: its timeline is read-only. If it happened again, choose “It happened again…” on the incident; later findings belong in its retrospective.`,
    )
  }
}

function checkOccurredAt(occurredAt: string, now: Date): string {
  const at = new Date(occurredAt)
  // A minute of slack for clocks that disagree a little.
  if (at.getTime() > now.getTime() + 60_000) {
    throw new UserError(
      'future-time',
      'That time is in the future; an entry can be back-dated, not dated ahead.',
    )
  }
  return at.toISOString()
}

/** Adds an entry to an active incident's timeline (its id is the event's). */
export function addEntry(
  incident: Incident,
  input: { content: EntryContent; occurredAt?: string; verified?: boolean },
  ctx: Ctx,
): NewEvent<EntryAdded>[] {
  assertWritable(incident)
  const id = ctx.eventId()
  const at = ctx.now.toISOString()
  return [
    {
      type: 'entry.added',
      id,
      incidentId: incident.id,
      at,
      by: authorOf(incident, ctx),
      entryId: id,
      occurredAt: input.occurredAt ? checkOccurredAt(input.occurredAt, ctx.now) : at,
      verified: input.verified ?? true,
      content: input.content,
    },
  ]
}

function existing(incident: Incident, entryId: string): Entry {
  const entry = findEntry(incident.timeline, entryId)
  if (!entry) {
    throw new UserError(
      'not-found',
      'That entry is not on this incident’s timeline (automatic entries cannot be changed).',
    )
  }
  return entry
}

const FIELDS_BY_KIND: Record<Entry['kind'], readonly (keyof EntryChanges)[]> = {
  note: ['text'],
  paste: ['text'],
  link: ['title', 'url'],
  image: ['caption'],
  action: ['action', 'text'],
}

export function editEntry(
  incident: Incident,
  input: { entryId: string; changes: EntryChanges },
  ctx: Ctx,
): NewEvent<TimelineEvent>[] {
  assertWritable(incident)
  const { entryId, changes } = input
  const entry = existing(incident, entryId)
  if (entry.deleted) throw new UserError('deleted', 'Restore the entry before editing it.')
  const allowed = new Set<keyof EntryChanges>([
    ...FIELDS_BY_KIND[entry.kind],
    'occurredAt',
    'verified',
  ])
  const wrong = (Object.keys(changes) as (keyof EntryChanges)[]).filter((k) => !allowed.has(k))
  if (wrong.length) {
    throw new UserError(
      'invalid-edit',
      `A ${entry.kind} entry has no ${wrong.join(' or ')} to change.`,
    )
  }
  const current: Partial<Record<keyof EntryChanges, unknown>> = entry
  const effective: EntryChanges = {}
  for (const [key, value] of Object.entries(changes) as [keyof EntryChanges, unknown][]) {
    if (value === undefined) continue
    if (key === 'occurredAt') {
      const at = checkOccurredAt(value as string, ctx.now)
      if (at !== entry.at) effective.occurredAt = at
    } else if (current[key] !== value) {
      Object.assign(effective, { [key]: value })
    }
  }
  if (Object.keys(effective).length === 0) {
    throw new UserError('no-change', 'Nothing was changed: the entry already says that.')
  }
  return [{ ...base(incident, ctx), type: 'entry.edited', entryId, changes: effective }]
}

export function deleteEntry(
  incident: Incident,
  { entryId }: { entryId: string },
  ctx: Ctx,
): NewEvent<TimelineEvent>[] {
  return setDeleted(incident, entryId, true, ctx)
}

export function restoreEntry(
  incident: Incident,
  { entryId }: { entryId: string },
  ctx: Ctx,
): NewEvent<TimelineEvent>[] {
  return setDeleted(incident, entryId, false, ctx)
}

/** Deleting and restoring: nothing is destroyed, the entry is marked (or unmarked). */
function setDeleted(
  incident: Incident,
  entryId: string,
  deleted: boolean,
  ctx: Ctx,
): NewEvent<TimelineEvent>[] {
  assertWritable(incident)
  const entry = existing(incident, entryId)
  if (deleted && entry.deleted) throw new UserError('deleted', 'That entry is already deleted.')
  if (!deleted && !entry.deleted) throw new UserError('not-deleted', 'That entry is not deleted.')
  const type = deleted ? 'entry.deleted' : 'entry.restored'
  return [{ ...base(incident, ctx), type, entryId }]
}

/** Unmasking only changes what exports show: allowed on a closed record too. */
export function unmaskEntry(
  incident: Incident,
  { entryId, unmasked }: { entryId: string; unmasked: boolean },
  ctx: Ctx,
): NewEvent<TimelineEvent>[] {
  const entry = existing(incident, entryId)
  if (entry.unmasked === unmasked) {
    throw new UserError('no-change', unmasked ? 'Already unmasked.' : 'Already masked.')
  }
  return [{ ...base(incident, ctx), type: 'entry.unmasked', entryId, unmasked }]
}

function base(incident: Incident, ctx: Ctx) {
  return { ...stamp(incident, ctx), by: authorOf(incident, ctx) }
}
