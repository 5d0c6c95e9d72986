import type { z } from 'zod'
import {
  EVENT_SCHEMA_VERSION,
  parseEventLine,
  parseEventValue,
  type LineResult,
} from '../domain/event-schemas'
import { EVENT_DEFINITIONS, type IncidentEvent } from '../domain/events'

/**
 * Reading a log's lines fast. Replaying thousands of logs at start-up spent about a sixth of its
 * time in zod checking each well-formed line. Here each event schema of today's version is
 * compiled once into a plain predicate (strings and their length, safe integers, enums, literals,
 * loose and strict objects, arrays and their length, defaults, discriminated unions, refinements). A line that passes is
 * exactly what zod would accept, with the same data (loose objects keep every field as zod does);
 * a line that does not pass, an older version, or a schema shape the compiler does not know goes
 * to the full `parseEventLine`, so damaged and hand-edited lines are refused or set aside exactly
 * as before, with zod's own reason.
 */

/** Holds only for values the schema it was compiled from accepts unchanged. */
type Check<T = unknown> = (value: unknown) => value is T

/** A schema node's definition, as zod 4 keeps it (`schema._zod.def`). */
interface Def {
  type: string
  checks?: { _zod: { def: CheckDef } }[]
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  innerType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  discriminator?: string
  values?: unknown[]
  entries?: Record<string, unknown>
}

interface CheckDef {
  check: string
  maximum?: number
  minimum?: number
  format?: string
  value?: number
  inclusive?: boolean
  fn?: (value: unknown) => unknown
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Thrown while compiling: a shape this compiler does not know keeps its type on zod. */
class Unsupported extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Constants the generated code refers to as `c[i]` (sets, refinements, nested checks). */
type Consts = unknown[]

function constant(consts: Consts, value: unknown): string {
  return `c[${consts.push(value) - 1}]`
}

/** `&& …` for each check on a string or number: conditions zod checks the same way. */
function checksOf(def: Def, x: string, consts: Consts): string {
  return (def.checks ?? [])
    .map(({ _zod: { def: check } }) => {
      switch (check.check) {
        case 'max_length':
          return ` && ${x}.length <= ${Number(check.maximum)}`
        case 'min_length':
          return ` && ${x}.length >= ${Number(check.minimum)}`
        case 'number_format':
          if (check.format !== 'safeint') throw new Unsupported(`number format ${check.format}`)
          return ` && Number.isSafeInteger(${x})`
        case 'greater_than':
          return ` && ${x} ${check.inclusive ? '>=' : '>'} ${Number(check.value)}`
        case 'custom':
          if (typeof check.fn !== 'function') throw new Unsupported('a refinement without code')
          return ` && ${constant(consts, check.fn)}(${x}) === true`
        default:
          throw new Unsupported(`check ${check.check}`)
      }
    })
    .join('')
}

const isPlainLiteral = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

/**
 * A JavaScript condition that holds only for values the schema accepts unchanged. `x` is the
 * expression of the value (`v`, `v["content"]`); names and limits come from the schema alone,
 * never from a log.
 */
function conditionOf(schema: z.ZodType, x: string, consts: Consts): string {
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      return `(typeof ${x} === 'string'${checksOf(def, x, consts)})`
    case 'number':
      return `(typeof ${x} === 'number' && Number.isFinite(${x})${checksOf(def, x, consts)})`
    case 'boolean':
      return `(typeof ${x} === 'boolean')`
    case 'literal': {
      const values = def.values ?? []
      if (values.length === 1 && isPlainLiteral(values[0])) {
        return `(${x} === ${JSON.stringify(values[0])})`
      }
      return `${constant(consts, new Set(values))}.has(${x})`
    }
    case 'enum':
      return `${constant(consts, new Set(Object.values(def.entries ?? {})))}.has(${x})`
    case 'optional':
      return `(${x} === undefined || ${conditionOf(def.innerType!, x, consts)})`
    case 'default':
      // Absent, zod fills the default in and the data differ: that line takes the full path.
      return `(${x} !== undefined && ${conditionOf(def.innerType!, x, consts)})`
    case 'nullable':
      return `(${x} === null || ${conditionOf(def.innerType!, x, consts)})`
    case 'array': {
      const element = compile(def.element!)
      // Every index, as zod reads them (`every` would skip the holes of a sparse array).
      const all = (items: unknown[]) => {
        for (let i = 0; i < items.length; i++) if (!element(items[i])) return false
        return true
      }
      return `(Array.isArray(${x})${checksOf(def, x, consts)} && ${constant(consts, all)}(${x}))`
    }
    case 'object': {
      // Loose objects, and strict ones (no field beyond the shape): zod strips unknown fields of
      // the others, and the data would differ.
      const catchall = def.catchall && defOf(def.catchall).type
      if (catchall !== 'unknown' && catchall !== 'never') {
        throw new Unsupported('an object that is neither loose nor strict')
      }
      const shape = def.shape ?? {}
      const fields = Object.entries(shape).map(([key, field]) =>
        conditionOf(field, `${x}[${JSON.stringify(key)}]`, consts),
      )
      const object = `typeof ${x} === 'object' && ${x} !== null && !Array.isArray(${x})`
      if (catchall === 'never') {
        const known = new Set(Object.keys(shape))
        const onlyKnown = (v: object) => Object.keys(v).every((key) => known.has(key))
        fields.push(`${constant(consts, onlyKnown)}(${x})`)
      }
      return `(${[object, ...fields].join(' && ')})`
    }
    case 'union': {
      const key = def.discriminator
      if (!key) throw new Unsupported('a union without a discriminator')
      const byTag = new Map<unknown, Check>()
      for (const option of def.options ?? []) {
        const tag = defOf(option).shape?.[key]
        const values = tag && defOf(tag).type === 'literal' ? defOf(tag).values! : []
        if (values.length === 0) throw new Unsupported('a union option without a literal tag')
        const check = compile(option)
        for (const value of values) byTag.set(value, check)
      }
      const pick = (v: unknown) =>
        typeof v === 'object' &&
        v !== null &&
        (byTag.get((v as Record<string, unknown>)[key])?.(v) ?? false)
      return `${constant(consts, pick)}(${x})`
    }
    default:
      throw new Unsupported(`schema type ${def.type}`)
  }
}

/**
 * A predicate that holds only for values the schema accepts unchanged, compiled to one function
 * (as zod itself does for objects): monomorphic property reads, no closure per field.
 */
export function compile<T>(schema: z.ZodType<T>): Check<T> {
  const consts: Consts = []
  const condition = conditionOf(schema, 'v', consts)
  return new Function('c', `return function check(v) { return ${condition} }`)(consts) as Check<T>
}

/** Today's event types whose schema compiled, each with its predicate. */
export const FAST_CHECKS: ReadonlyMap<string, Check<IncidentEvent>> = (() => {
  const checks = new Map<string, Check<IncidentEvent>>()
  const today: Readonly<Record<string, z.ZodType<IncidentEvent>>> = EVENT_DEFINITIONS
  for (const [type, schema] of Object.entries(today)) {
    try {
      checks.set(type, compile(schema))
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err
    }
  }
  return checks
})()

/**
 * One log line, as `parseEventLine` reads it, faster for the common well-formed line. A line
 * naming `__proto__` always takes the full path: its own key is kept as zod keeps it.
 */
export function readEventLine(line: string): LineResult {
  if (line.includes('__proto__')) return parseEventLine(line)
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return parseEventLine(line)
  }
  if (isObject(value) && typeof value.type === 'string') {
    // Version 3 only added optional fields: a version 2 line is today's once it says so.
    const version = value.v
    if (version === 2) value.v = EVENT_SCHEMA_VERSION
    const check = value.v === EVENT_SCHEMA_VERSION ? FAST_CHECKS.get(value.type) : undefined
    if (check?.(value)) return { kind: 'event', event: value, version: version as number }
    value.v = version
  }
  return parseEventValue(value)
}
