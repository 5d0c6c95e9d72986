import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEventLine } from '../domain/event-schemas'
import { EVENT_DEFINITIONS } from '../domain/events'
import { RetroDraft } from '../domain/retro/draft'
import { repairDraft, StoredDraft } from '../domain/retro/stored-draft'
import { IncidentRepository } from '../services/incidents'
import { pastIncidentLog } from '../testing/archive'
import { rng } from '../testing/schema-payloads'
import { tempDir, testHost } from '../testing/fixtures'
import { FAST_CHECKS, readEventLine } from './fast-event-check'
import { IncidentStore } from './incident-store'

const ID = '20261123-1400-a1b2'
const RECORDED = Date.parse('2026-11-23T14:00:00Z')
let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** A draftSaved line as a hand or an older import left it: `draft` is raw JSON text. */
const draftLine = (seq: number, draft: string) =>
  `${JSON.stringify({
    type: 'retro.draftSaved',
    v: 3,
    id: `e-${seq}`,
    incidentId: ID,
    seq,
    at: '2026-11-24T10:00:00.000Z',
    by: 'Dana',
  }).slice(0, -1)},"draft":${draft}}`

const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`
const BAD_DRAFT = `{"attendees":["Dana\\u202e gnp.exe","${'x'.repeat(50_000)}"],"workedWell":"${'w'.repeat(20_000)}","actions":[{"id":"a1","title":"Fix the pool","issueUrl":"javascript:alert(document.cookie)","extra":${deep(1_000)}},{"id":"a2","title":"Alert on p95","issueUrl":"https://github.com/o/r/issues/2"}],"junk":${deep(200_000)}}`

function writeLog(...more: string[]): string {
  const folder = join(dir, 'incidents', ID)
  mkdirSync(folder, { recursive: true })
  const path = join(folder, 'events.jsonl')
  writeFileSync(
    path,
    pastIncidentLog(ID, 1, RECORDED, 4).toString() + more.map((l) => `${l}\n`).join(''),
  )
  return path
}

describe('a retrospective draft in a log', () => {
  it('is repaired when read, with a notice: never set aside, never trusted as it is', async () => {
    const path = writeLog(draftLine(5, BAD_DRAFT))
    const { host } = testHost(dir)
    const retro = await host.call('retro:get', { id: ID })
    if (!retro.ok) throw new Error(retro.error.message)
    const draft = retro.value.draft!
    // The bad link dropped, the good one kept; names cleaned and cut; long text cut; junk gone.
    expect(draft.actions.map((a) => [a.id, a.title, a.issueUrl])).toEqual([
      ['a1', 'Fix the pool', ''],
      ['a2', 'Alert on p95', 'https://github.com/o/r/issues/2'],
    ])
    expect(draft.attendees).toEqual(['Dana gnp.exe', 'x'.repeat(120)])
    expect(draft.workedWell).toHaveLength(10_000)
    expect(StoredDraft.safeParse(draft).success).toBe(true)
    const postmortem = await host.call('retro:postmortem', { id: ID })
    if (!postmortem.ok) throw new Error(postmortem.error.message)
    expect(postmortem.value.html).not.toContain('javascript:')
    expect(postmortem.value.markdown).not.toContain('javascript:')

    const notices = host.snapshot().notices.map((n) => n.message)
    expect(notices).toEqual([
      expect.stringMatching(
        /^Line 5 of incident “Past incident 1: .*” \(20261123-1400-a1b2\) was not valid: the retrospective draft held fields a draft does not have, names with characters a name cannot hold, text over its limit, links that are not https\. It is used repaired .* The line as it was is kept in .*events\.jsonl\.repaired-/,
      ),
    ])
    // Kept beside, as it was; the log holds it repaired, so the next start has nothing to say.
    const aside = readdirSync(join(dir, 'incidents', ID)).find((n) => n.includes('.repaired-'))!
    const record = JSON.parse(readFileSync(join(dir, 'incidents', ID, aside), 'utf8')) as {
      line: number
      text: string
    }
    expect(record.line).toBe(5)
    expect(record.text).toContain('javascript:alert(document.cookie)')
    const lines = readFileSync(path, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(5)
    expect(parseEventLine(lines[4]!)).toMatchObject({ kind: 'event', event: { draft } })
    expect(parseEventLine(lines[4]!)).not.toHaveProperty('repaired')
    host.close()
    const again = new IncidentStore(dir, () => new Date())
    again.open()
    again.load(ID)
    expect(again.notices).toEqual([])
  })

  it('is checked strictly when saved: nothing is written for a draft the log would not keep', () => {
    writeLog()
    const store = new IncidentStore(dir, () => new Date('2026-11-24T10:00:00Z'))
    store.open()
    const repo = new IncidentRepository(store, () => new Date('2026-11-24T10:00:00Z'))
    const before = readFileSync(join(dir, 'incidents', ID, 'events.jsonl'))
    let nested: Record<string, unknown> = {}
    const deepDraft = { failed: '', a: nested }
    for (let i = 0; i < 200_000; i++) nested = (nested.a = {}) as Record<string, unknown>
    const drafts: [string, unknown][] = [
      ['javascript: link', { actions: [{ id: 'a1', issueUrl: 'javascript:alert(1)' }] }],
      ['50,000-character attendee', { attendees: ['x'.repeat(50_000)] }],
      ['bidi override', { attendees: ['Dana\u202e'] }],
      ['unknown field', { failed: '', later: 1 }],
      ['51 action items', { actions: Array.from({ length: 51 }, (_, i) => ({ id: `a${i}` })) }],
      ['200,000 levels deep', deepDraft],
    ]
    for (const [name, draft] of drafts) {
      expect(
        () =>
          repo.commit(ID, [
            {
              type: 'retro.draftSaved',
              id: 'e-new',
              incidentId: ID,
              at: '2026-11-24T10:00:00.000Z',
              by: 'Dana',
              draft: draft as never,
            },
          ]),
        name,
      ).toThrow(/Nothing was written: the retro\.draftSaved event is not valid \(draft/)
    }
    expect(readFileSync(join(dir, 'incidents', ID, 'events.jsonl'))).toEqual(before)
  })

  it('repairs anything to a draft the strict schema accepts', () => {
    const r = rng(31)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
    const values = (depth: number): unknown =>
      depth > 2
        ? pick([null, 1, 'x', true, 'https://a.example/x', 'javascript:x', 'y'.repeat(400)])
        : pick([
            () => null,
            () => 'z'.repeat(Math.floor(r() * 12_000)),
            () => '2026-02-30',
            () => '2026-11-24',
            () => Math.floor(r() * 100),
            () =>
              // Over every list's limit now and then (50 attendees, 20 whys).
              Array.from({ length: pick([0, 1, 3, 21, 51]) }, () => values(depth + 1)),
            () =>
              Object.fromEntries(
                ['id', 'title', 'issueUrl', 'whys', 'question', 'done', 'type', 'zz'].map((k) => [
                  k,
                  values(depth + 1),
                ]),
              ),
          ])()
    for (let i = 0; i < 300; i++) {
      const raw = Object.fromEntries(
        Object.keys(StoredDraft.shape)
          .concat('extra')
          .map((k) => [k, values(0)]),
      )
      const { draft } = repairDraft(raw)
      expect(StoredDraft.safeParse(draft).success, JSON.stringify(raw).slice(0, 200)).toBe(true)
    }
    expect(repairDraft({}).fixes).toEqual([])
  })

  it('is read on the fast path when whole, and the fast check never accepts what zod refuses', () => {
    const draft = RetroDraft.parse({
      attendees: ['Dana', 'Sam'],
      date: '2026-11-24',
      keyMoments: ['e1'],
      chains: [{ id: 'c1', problem: 'p', whys: [{ id: 'w1', question: 'q', answer: 'a' }] }],
      actions: [{ id: 'a1', title: 'Fix', issueUrl: 'https://github.com/o/r/issues/1' }],
    })
    const event = JSON.parse(draftLine(5, JSON.stringify(draft))) as Record<string, unknown>
    const check = FAST_CHECKS.get('retro.draftSaved')!
    expect(check(event)).toBe(true)
    const mutated = (change: (d: Record<string, unknown>) => void) => {
      const copy = structuredClone(event)
      change(copy.draft as Record<string, unknown>)
      return copy
    }
    const action = (d: Record<string, unknown>) => (d.actions as Record<string, unknown>[])[0]!
    const variants = [
      mutated((d) => delete d.date),
      mutated((d) => (d.extra = 1)),
      mutated((d) => (d.attendees = ['Dana\u202e'])),
      mutated((d) => (d.attendees = [' Dana'])),
      mutated((d) => (d.attendees = [''])),
      mutated((d) => (d.attendees = Array.from({ length: 51 }, () => 'x'))),
      mutated((d) => (d.date = '2026-02-30')),
      mutated((d) => (d.date = 20261124)),
      mutated((d) => (d.workedWell = 'w'.repeat(10_001))),
      mutated((d) => (action(d).issueUrl = 'javascript:alert(1)')),
      mutated((d) => (action(d).issueUrl = 'http://github.com/o/r/issues/1')),
      mutated((d) => (action(d).type = 'other')),
      mutated((d) => (action(d).done = 'yes')),
      mutated((d) => (action(d).more = {})),
      mutated((d) => ((d.chains as { whys: unknown[] }[])[0]!.whys = Array(21).fill({ id: 'w' }))),
      mutated((d) => (d.keyMoments = [''])),
    ]
    for (const value of variants) {
      const text = JSON.stringify(value)
      expect(readEventLine(text), text.slice(0, 200)).toEqual(parseEventLine(text))
      const zod = EVENT_DEFINITIONS['retro.draftSaved'].safeParse(value)
      if (check(value)) expect(zod.data, text.slice(0, 200)).toEqual(value)
      expect(check(value), text.slice(0, 200)).toBe(false)
    }
  })
})
