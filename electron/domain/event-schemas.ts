import { z } from 'zod'
import { EVENT_SCHEMA_VERSION } from './event-base'
import {
  EVENT_DEFINITIONS,
  READ_REPAIRS,
  type IncidentEvent,
  type IncidentEventType,
} from './events'

export { EVENT_SCHEMA_VERSION }

export const EVENT_TYPES = Object.keys(EVENT_DEFINITIONS) as IncidentEventType[]

type Raw = Record<string, unknown>
type Schemas = Readonly<Record<IncidentEventType, z.ZodType<Raw>>>

/** Today's definitions, with the version field an older version's lines carry. */
function atVersion(version: z.ZodType): Schemas {
  const schemas = Object.fromEntries<z.ZodType<Raw>>(
    EVENT_TYPES.map((type) => [
      type,
      z.looseObject({ ...EVENT_DEFINITIONS[type].shape, v: version }),
    ]),
  )
  // One entry for each of EVENT_TYPES, built just above.
  return schemas as Schemas
}

/**
 * One schema per event type and schema version. Today's are the definitions themselves
 * (events.ts); an older version's are kept here as they were when it was today's.
 */
export const EVENT_SCHEMAS: Record<number, Schemas> = {
  1: atVersion(z.literal(1).optional()),
  // Version 3 only added optional fields and new types: version 2's shapes are today's.
  2: atVersion(z.literal(2)),
  3: EVENT_DEFINITIONS,
}

/** Upgrades from each version to the next, one per change; each is unit-tested on a fixture. */
export const UPGRADES: Record<number, (event: Raw) => Raw> = {
  // Version 2 changed no field; it made the version explicit on every line.
  1: (event) => ({ ...event, v: 2 }),
  // Version 3 added optional fields only: a version 2 line is a version 3 line as it is.
  2: (event) => ({ ...event, v: 3 }),
}

export type LineResult =
  /** `repaired`: why the line was changed to pass its schema (READ_REPAIRS), when it was. */
  | { kind: 'event'; event: IncidentEvent; version: number; repaired?: string }
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
  if (version > EVENT_SCHEMA_VERSION || !isEventType(raw.type)) {
    return { kind: 'unknown', type: raw.type, version }
  }
  const type = raw.type
  let current = raw
  let repaired: string | undefined
  /** The schema's answer; for a type the reader repairs, its answer on the repaired value. */
  const check = (schema: z.ZodType<Raw>, value: Raw) => {
    const first = schema.safeParse(value)
    const repair = first.success ? undefined : READ_REPAIRS[type]
    if (!repair) return first
    const fixed = repair(value)
    const again = schema.safeParse(fixed.event)
    if (!again.success) return first
    repaired = fixed.why
    return again
  }
  if (version < EVENT_SCHEMA_VERSION) {
    const schema = EVENT_SCHEMAS[version]?.[type]
    if (!schema) return { kind: 'unknown', type, version }
    const old = check(schema, raw)
    if (!old.success) return damaged(type, old.error)
    current = old.data
    for (let v = version; v < EVENT_SCHEMA_VERSION; v++) current = UPGRADES[v]!(current)
  }
  // Today's schema checks every field the reducers read, an upgraded line's too.
  const parsed = check(EVENT_DEFINITIONS[type], current)
  if (!parsed.success) return damaged(type, parsed.error)
  const event = parsed.data as IncidentEvent
  return repaired === undefined
    ? { kind: 'event', event, version }
    : { kind: 'event', event, version, repaired }
}

function isEventType(type: string): type is IncidentEventType {
  return Object.hasOwn(EVENT_DEFINITIONS, type)
}

function damaged(type: string, error: z.ZodError): LineResult {
  const issue = error.issues[0]
  return {
    kind: 'damaged',
    why: `${type}: ${issue?.path.join('.') || 'event'} ${issue?.message ?? 'is invalid'}`,
  }
}

/** The message an incident written by a newer app carries, on its banner and on any refusal. */
export const NEWER_VERSION_MESSAGE =
  'This incident was written by a newer version of Incident Tray: nothing was changed; update the app to edit it.'
