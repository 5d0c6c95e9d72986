import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  EVENT_SCHEMAS,
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  parseEventLine,
} from '../domain/event-schemas'
import type { IncidentEventType } from '../domain/events'
import { STORED_TEXT_MAX } from '../domain/incident/input-rules'
import { tempDir } from '../testing/fixtures'
import { readEventLog } from './event-log'
import { FAST_CHECKS, readEventLine } from './fast-event-check'

const FIXTURES = join(import.meta.dirname, '__fixtures__')
/** The fixture log of today's schema version: the lines the fast path is for. */
const TODAY = `events-v${EVENT_SCHEMA_VERSION}.jsonl`
const fixtureLines = (name: string) =>
  readFileSync(join(FIXTURES, name), 'utf8').split('\n').filter(Boolean)

type Raw = Record<string, unknown>

/** Values a hand edit or a damaged disk could leave in a field. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  2 ** 60,
  '',
  'x'.repeat(STORED_TEXT_MAX + 1),
  'javascript:alert(1)',
  'https://example.org/ok',
  [],
  ['a', 1],
  {},
  true,
]

/** Every path one or two levels deep, with each odd value in turn (undefined: the field gone). */
function* mutations(event: Raw): Generator<Raw> {
  const set = (path: string[], value: unknown): Raw => {
    const copy = structuredClone(event)
    let at: Raw = copy
    for (const key of path.slice(0, -1)) at = at[key] as Raw
    if (value === undefined) delete at[path.at(-1)!]
    else at[path.at(-1)!] = value
    return copy
  }
  for (const [key, value] of Object.entries(event)) {
    for (const odd of ODD_VALUES) yield set([key], odd)
    if (value && typeof value === 'object') {
      for (const inner of Object.keys(value)) {
        for (const odd of ODD_VALUES) yield set([key, inner], odd)
      }
    }
  }
  yield { ...event, extra: { kept: true } }
  yield { ...event, v: 1 }
  yield { ...event, v: 3 }
  yield { ...event, v: '2' }
  yield { ...event, type: 'constructor' }
  yield { ...event, type: 'toString' }
  yield { ...event, type: 'entry.someday' }
}

describe('the fast line check', () => {
  it('compiles a check for every event type of today', () => {
    expect([...FAST_CHECKS.keys()].sort()).toEqual([...EVENT_TYPES].sort())
  })

  it('reads every fixture line exactly as the full schema does, and takes the fast path for them', () => {
    for (const line of [
      ...fixtureLines('events-v1.jsonl'),
      ...fixtureLines('events-v2.jsonl'),
      ...fixtureLines(TODAY),
    ]) {
      expect(readEventLine(line)).toEqual(parseEventLine(line))
    }
    for (const line of fixtureLines(TODAY)) {
      const raw = JSON.parse(line) as Raw
      expect(FAST_CHECKS.get(raw.type as string)!(raw), line).toBe(true)
    }
  })

  it('gives the same answer as zod for thousands of hand-edited lines, and never accepts what zod refuses', () => {
    let compared = 0
    let refused = 0
    for (const line of fixtureLines(TODAY)) {
      for (const mutated of mutations(JSON.parse(line) as Raw)) {
        const text = JSON.stringify(mutated)
        const full = parseEventLine(text)
        expect(readEventLine(text), text.slice(0, 300)).toEqual(full)
        const check = FAST_CHECKS.get(mutated.type as string)
        if (check?.(mutated)) {
          const schema = EVENT_SCHEMAS[EVENT_SCHEMA_VERSION]![mutated.type as IncidentEventType]
          const parsed = schema.safeParse(mutated)
          expect(parsed.success, text.slice(0, 300)).toBe(true)
          expect(parsed.data).toEqual(mutated)
        }
        if (full.kind !== 'event') refused++
        compared++
      }
    }
    expect(compared).toBeGreaterThan(3_000)
    expect(refused).toBeGreaterThan(1_000)
  })

  it('a line whose type is a name every object has is an unknown line, not a crash', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const line = JSON.stringify({ type, v: 2, id: 'e1' })
      expect(readEventLine(line)).toEqual({ kind: 'unknown', type, version: 2 })
      expect(parseEventLine(line)).toEqual({ kind: 'unknown', type, version: 2 })
    }
  })

  it('leaves a line naming __proto__ to the full schema', () => {
    const [, second] = fixtureLines('events-v2.jsonl')
    const line = second!.replace(/^\{/, '{"__proto__":{"polluted":true},')
    expect(readEventLine(line)).toEqual(parseEventLine(line))
    expect(({} as Raw).polluted).toBeUndefined()
  })
})

describe('a log with damaged lines, read with the fast check', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => ({ dir, cleanup } = tempDir()))
  afterEach(() => cleanup())

  it('sets aside the same lines with zod’s reasons, keeps every good event', () => {
    const lines = fixtureLines('events-v2.jsonl').slice(0, 6)
    const wrongSeq = { ...(JSON.parse(lines[2]!) as Raw), seq: '3' }
    const longTitle = { ...(JSON.parse(lines[0]!) as Raw), title: 'x'.repeat(STORED_TEXT_MAX + 1) }
    const edited = [
      lines[0],
      lines[1],
      JSON.stringify(wrongSeq),
      lines[3],
      JSON.stringify(longTitle),
      lines[4],
      lines[5],
    ]
    const path = join(dir, 'events.jsonl')
    writeFileSync(path, edited.join('\n') + '\n')
    const read = readEventLog(path, new Date('2026-11-23T14:00:00Z'))
    expect(read.damaged?.lines).toEqual([3, 5])
    expect(read.events.map((e) => e.seq)).toEqual(
      [0, 1, 3, 4, 5].map((i) => (JSON.parse(lines[i]!) as Raw).seq),
    )
    const side = readFileSync(read.damaged!.path, 'utf8').trim().split('\n')
    const why = (line: string) => (parseEventLine(line) as { why: string }).why
    expect(side.map((l) => (JSON.parse(l) as { why: string }).why)).toEqual([
      why(JSON.stringify(wrongSeq)),
      why(JSON.stringify(longTitle)),
    ])
  })
})
