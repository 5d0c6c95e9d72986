import { z } from 'zod'
import { ACTION_KINDS } from './timeline/events'
import { DETECTION_METHODS, type IncidentEvent, type IncidentEventType } from './events'
import { KEY_TIMES } from './lifecycle/events'
import { MEASURE_KINDS } from './mitigation/events'
import { PUBLISH_KINDS } from './comms/publishing'
import { SEVERITY_SCALE_IDS } from './incident/severity'
import { INITIAL_STATUSES, STATUSES } from './lifecycle/status'
import { LINK_RULE, linkKind, STORED_DOCUMENT_MAX, STORED_TEXT_MAX } from './incident/input-rules'

/**
 * The schema version this app writes on every event (`v`). Bump it, add the new shapes and an
 * upgrade from the previous version, and a fixture log of the old version in `__fixtures__`,
 * whenever the shape of an event changes.
 *
 * 1: lines written before events carried a version (no `v` field).
 * 2: every line carries `v`.
 */
export const EVENT_SCHEMA_VERSION = 2

// Lenient about today's input limits, but bounded: a 5 MB "note" is not a note.
const text = z.string().max(STORED_TEXT_MAX)
const time = z.string().max(64)
/** Every stored link follows the one link rule (domain/input-rules.ts): no javascript:, file:, smb:. */
const link = z.string().refine((url) => linkKind(url) !== null, LINK_RULE)
const status = z.enum(STATUSES)

/**
 * What each event type holds beyond the fields every event has. Reading is lenient about limits
 * (a title longer than today's maximum is still a title) and strict about shape: a field of the
 * wrong type is a damaged line, never a crash later in a reducer.
 */
const PAYLOADS = {
  'incident.recorded': {
    title: text,
    observed: text,
    severity: z.number().int(),
    scale: z.enum(SEVERITY_SCALE_IDS as [string, ...string[]]),
    detection: z.enum(DETECTION_METHODS),
    area: text,
    status: z.enum(INITIAL_STATUSES),
  },
  'update.posted': {
    text,
    copied: z.boolean().optional(),
    news: z.boolean().optional(),
    postedAt: time.optional(),
  },
  'update.undone': { updateId: text },
  'cadence.chosen': { choice: z.enum(['policy', 'daily', 'news']) },
  'update.snoozed': { minutes: z.number(), until: time },
  'comms.checked': { item: text, label: text, done: z.boolean() },
  'comms.copied': { output: text, label: text },
  'comms.p2UrlSet': { url: link },
  'status.changed': { from: status, to: status, summary: text.optional() },
  'incident.reopened': { note: text },
  'incident.linked': {
    otherId: text,
    otherTitle: text,
    relation: z.enum(['recurrence-of', 'recurred-as']),
  },
  'severity.changed': { from: z.number().int(), to: z.number().int(), reason: text },
  'lead.set': { lead: text, source: z.enum(['rota', 'free']), note: text.optional() },
  'keytime.changed': { key: z.enum(KEY_TIMES), value: time, reason: text },
  'alarm.silenced': { alarmId: text, name: text, link: link.nullable() },
  'alarm.reenabled': { alarmId: text },
  'measure.started': {
    measureId: text,
    kind: z.enum(MEASURE_KINDS),
    what: text,
    undoPlan: text,
    backupConfirmed: z.boolean(),
  },
  'measure.undone': { measureId: text, note: text, full: z.boolean() },
  'measure.kept': { measureId: text, reason: text },
  'party.contacted': { partyId: text, who: text, channel: text, reference: text },
  'party.updated': { partyId: text, reference: text.optional(), answer: text.optional() },
  'followup.added': { followupId: text, title: text, url: link.nullable(), critical: z.boolean() },
  'followup.updated': {
    followupId: text,
    done: z.boolean().optional(),
    critical: z.boolean().optional(),
  },
  'runbook.linked': { runbookId: text, title: text, url: link.nullable(), steps: z.array(text) },
  'runbook.step-checked': { step: z.number().int(), done: z.boolean() },
  'resolve.overridden': { reason: text, outstanding: z.array(text) },
  'retro.optedIn': { reason: text },
  'retro.optedOut': { reason: text },
  'retro.draftSaved': { draft: z.looseObject({}) },
  'retro.completed': {},
  'retro.actionDone': { actionId: text, title: text, done: z.boolean() },
  'entry.added': {
    entryId: text,
    occurredAt: time,
    verified: z.boolean(),
    content: z.discriminatedUnion('kind', [
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
    ]),
  },
  'entry.edited': {
    entryId: text,
    changes: z.looseObject({
      text: text.optional(),
      title: text.optional(),
      url: link.optional(),
      caption: text.optional(),
      action: z.enum(ACTION_KINDS).optional(),
      occurredAt: time.optional(),
      verified: z.boolean().optional(),
    }),
  },
  'entry.deleted': { entryId: text },
  'entry.restored': { entryId: text },
  'entry.unmasked': { entryId: text, unmasked: z.boolean() },
  'item.audienceSet': { itemId: text, audience: z.enum(['public', 'internal']) },
  'publish.queued': {
    kind: z.enum(PUBLISH_KINDS),
    title: text.optional(),
    // The whole post as the app made it from the incident: a document, not a typed field.
    content: z.string().max(STORED_DOCUMENT_MAX),
    statusTag: text.optional(),
  },
  'publish.done': { requestId: text, postId: z.number().int(), link: text },
  'publish.failed': { requestId: text, reason: text, retry: z.boolean() },
  'publish.cancelled': { requestId: text },
} satisfies Record<IncidentEventType, z.ZodRawShape>

export const EVENT_TYPES = Object.keys(PAYLOADS) as IncidentEventType[]

const BASE = {
  id: text,
  incidentId: text,
  seq: z.number().int().positive(),
  at: time,
  by: text,
}

type Schemas = Record<IncidentEventType, z.ZodType>

/** Unknown fields are kept (looseObject): a later minor addition must not be stripped on read. */
function schemasOf(version: z.ZodType): Schemas {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      z.looseObject({ ...BASE, ...PAYLOADS[type], type: z.literal(type), v: version }),
    ]),
  ) as unknown as Schemas
}

/** One schema per event type and schema version. */
export const EVENT_SCHEMAS: Record<number, Schemas> = {
  1: schemasOf(z.literal(1).optional()),
  2: schemasOf(z.literal(2)),
}

type Raw = Record<string, unknown>

/** Upgrades from each version to the next, one per change; each is unit-tested on a fixture. */
export const UPGRADES: Record<number, (event: Raw) => Raw> = {
  // Version 2 changed no field; it made the version explicit on every line.
  1: (event) => ({ ...event, v: 2 }),
}

export type LineResult =
  | { kind: 'event'; event: IncidentEvent; version: number }
  /** Written by a newer app, or a type this app does not know: kept as it is, never rewritten. */
  | { kind: 'unknown'; type: string; version: number }
  | { kind: 'damaged'; why: string }

/** Parses one log line: JSON, then the schema of its type and version, then upgrades to today's. */
export function parseEventLine(line: string): LineResult {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { kind: 'damaged', why: 'not JSON' }
  }
  return parseEventValue(value)
}

/** A log line's parsed JSON: the schema of its type and version, then upgrades to today's. */
export function parseEventValue(value: unknown): LineResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'damaged', why: 'not an event' }
  }
  const raw = value as Raw
  if (typeof raw.type !== 'string') return { kind: 'damaged', why: 'no event type' }
  const version = raw.v === undefined ? 1 : raw.v
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'damaged', why: `schema version ${JSON.stringify(raw.v)} is not a version` }
  }
  // Own keys only: a line of type "constructor" or "toString" is unknown, not Object's own.
  if (version > EVENT_SCHEMA_VERSION || !Object.hasOwn(PAYLOADS, raw.type)) {
    return { kind: 'unknown', type: raw.type, version }
  }
  const schemas = EVENT_SCHEMAS[version]
  const schema =
    schemas && Object.hasOwn(schemas, raw.type) ? schemas[raw.type as IncidentEventType] : undefined
  if (!schema) return { kind: 'unknown', type: raw.type, version }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      kind: 'damaged',
      why: `${raw.type}: ${issue?.path.join('.') || 'event'} ${issue?.message ?? 'is invalid'}`,
    }
  }
  let event = parsed.data as Raw
  for (let v = version; v < EVENT_SCHEMA_VERSION; v++) event = UPGRADES[v]!(event)
  // The schema of today's version checked every field the reducers read.
  return { kind: 'event', event: event as unknown as IncidentEvent, version }
}

/** The message an incident written by a newer app carries, on its banner and on any refusal. */
export const NEWER_VERSION_MESSAGE =
  'This incident was written by a newer version of Incident Tray: nothing was changed; update the app to edit it.'
