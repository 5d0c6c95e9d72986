import { z } from 'zod'
import { LINK_RULE, linkKind, STORED_TEXT_MAX } from './incident/input-rules'

/**
 * The schema version this app writes on every event (`v`). Bump it whenever the shape of an
 * event changes: keep the previous version's shapes in `EVENT_SCHEMAS` (event-schemas.ts; today
 * every older version is derived from the definitions, because no shape has changed yet), add an
 * upgrade from the previous version, and a fixture log of the old version in `__fixtures__`.
 *
 * 1: lines written before events carried a version (no `v` field).
 * 2: every line carries `v`.
 * 3: a publish names the install that queued it (`publish.queued` installId); new events
 *    `publish.claimed` and `publish.unbound`; `publish.cancelled` may give a reason; an update
 *    made elsewhere may say when it was posted (`update.posted` postedAt). Every new field is
 *    optional: a version 2 line reads as it is.
 *
 * A literal type, not a number: every event in memory is at today's version.
 */
export const EVENT_SCHEMA_VERSION = 3 as const

// Lenient about today's input limits, but bounded: a 5 MB "note" is not a note.
export const text = z.string().max(STORED_TEXT_MAX)
export const time = z.string().max(64)
/** Every stored link follows the one link rule (input-rules.ts): no javascript:, file:, smb:. */
export const link = z.string().refine((url) => linkKind(url) !== null, LINK_RULE)

/** Fields every event carries. */
const EVENT_BASE = {
  id: text,
  incidentId: text,
  /** Position in the incident's log, from 1. */
  seq: z.number().int().positive(),
  /** When it was written (ISO 8601, UTC). */
  at: time,
  by: text,
  /**
   * The schema version of the line. The store writes today's on every event and upgrades older
   * lines on read; absent only before an event is written.
   */
  v: z.literal(EVENT_SCHEMA_VERSION).optional(),
}

/**
 * A type without the index signature a loose object adds: the fields a schema names. Events are
 * read with loose objects so that a field a later version adds is kept, never stripped; the code
 * reads only the fields the schema names.
 */
export type Known<T> = T extends readonly (infer E)[]
  ? Known<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T

type EventSchema<T extends string, P extends z.ZodRawShape> = z.ZodObject<
  typeof EVENT_BASE & { type: z.ZodLiteral<T> } & P,
  z.core.$loose
>

/**
 * The events of one family, each written once: its type and what it holds beyond the fields
 * every event has. Reading is lenient about limits (a title longer than today's maximum is still
 * a title) and strict about shape: a field of the wrong type is a damaged line, never a crash
 * later in a reducer. Unknown fields are kept (loose objects): a later minor addition must not be
 * stripped on read.
 */
export function defineEvents<P extends Record<string, z.ZodRawShape>>(
  payloads: P,
): { readonly [T in keyof P & string]: EventSchema<T, P[T]> } {
  const schemas: Record<string, z.ZodType> = {}
  for (const [type, payload] of Object.entries(payloads)) {
    schemas[type] = z.looseObject({ ...EVENT_BASE, type: z.literal(type), ...payload })
  }
  // Built key by key above from the same payloads the type maps.
  return schemas as { readonly [T in keyof P & string]: EventSchema<T, P[T]> }
}

/** The event a schema reads: its fields, as the code sees them. */
export type EventOf<S extends z.ZodType> = Known<z.output<S>>

/** Every event of a family (or of all of them) defined with `defineEvents`. */
export type EventsOf<M extends Readonly<Record<string, z.ZodType>>> = EventOf<M[keyof M]>

/** Fields every event carries. */
export type EventBase = Known<z.output<z.ZodObject<typeof EVENT_BASE>>>
