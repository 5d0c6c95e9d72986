import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IncidentRecorded } from '../domain/events'
import { applyEvent, foldIncident } from '../domain/incident'
import { tempDir } from '../testing/fixtures'
import { appendEvents, readEventLog } from './event-log'
import { IncidentStore } from './incident-store'

const now = () => new Date('2026-11-23T14:00:00Z')
const recorded = (id: string, title = 'API down'): IncidentRecorded => ({
  type: 'incident.recorded',
  id: `${id}-e1`,
  incidentId: id,
  seq: 1,
  at: '2026-11-23T14:00:00.000Z',
  by: 'Dana',
  title,
  observed: 'x'.repeat(50),
  severity: 1,
  scale: 'openverse',
  detection: 'alert',
  area: 'API',
  status: 'pending',
})

/** Each incident recorded in the store, titled "Title <id>". */
function recordEach(store: IncidentStore, ids: readonly string[]): void {
  for (const id of ids) {
    store.create(id)
    const event = recorded(id, `Title ${id}`)
    store.append(foldIncident([event]), [event])
  }
}

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('event log', () => {
  it('keeps every complete event and sets a torn last line aside with a warning', () => {
    const log = join(dir, 'events.jsonl')
    const events = [
      recorded('a'),
      { ...recorded('a'), id: 'a-e2', seq: 2 },
      { ...recorded('a'), id: 'a-e3', seq: 3 },
    ]
    appendEvents(log, events)
    const fullSize = statSync(log).size
    // A crash in the middle of writing the third line.
    truncateSync(log, fullSize - 40)
    const torn = readFileSync(log).subarray(readFileSync(log).lastIndexOf(0x0a) + 1)

    const read = readEventLog(log, now())
    expect(read.events.map((e) => e.id)).toEqual(['a-e1', 'a-e2'])
    expect(read.tornTail).toBeDefined()
    expect(read.damaged).toBeUndefined()
    expect(readFileSync(read.tornTail!.path)).toEqual(Buffer.concat([torn, Buffer.from('\n')]))
    // The log itself is whole again, so the next append starts on a fresh line.
    expect(readFileSync(log, 'utf8').endsWith('}\n')).toBe(true)
    appendEvents(log, [{ ...recorded('a'), id: 'a-e3b', seq: 3 }])
    expect(readEventLog(log, now()).events.map((e) => e.id)).toEqual(['a-e1', 'a-e2', 'a-e3b'])
  })

  it('sets aside a garbage line in the middle and keeps those around it', () => {
    const log = join(dir, 'events.jsonl')
    appendEvents(log, [recorded('a')])
    appendFileSync(log, '{"not": "an event"\n')
    appendEvents(log, [{ ...recorded('a'), id: 'a-e2', seq: 2 }])
    const read = readEventLog(log, now())
    expect(read.events.map((e) => e.id)).toEqual(['a-e1', 'a-e2'])
    expect(read.tornTail).toBeUndefined()
    // Kept aside with its line number, and why.
    expect(read.damaged?.lines).toEqual([2])
    expect(JSON.parse(readFileSync(read.damaged!.path, 'utf8'))).toEqual({
      line: 2,
      why: 'not JSON',
      text: '{"not": "an event"',
    })
  })
})

describe('incident store', () => {
  it('lists what was appended after a reopen, and rebuilds a damaged index from the logs', () => {
    const store = new IncidentStore(dir, now)
    store.open()
    for (const id of ['inc-1', 'inc-2']) {
      store.create(id)
      const event = recorded(id, `Title ${id}`)
      store.append(foldIncident([event]), [event])
    }
    store.writeIndex()
    expect(
      new IncidentStore(dir, now)
        .open()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Title inc-1', 'Title inc-2'])

    writeFileSync(join(dir, 'index.json'), '{"version": 1, "incid')
    const reopened = new IncidentStore(dir, now)
    expect(
      reopened
        .open()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Title inc-1', 'Title inc-2'])
    expect(reopened.notices[0]?.kind).toBe('index-rebuilt')
    expect(readdirSync(dir).some((f) => f.startsWith('index.json.corrupt-'))).toBe(true)
  })

  it('replays a log that grew since the index was written', () => {
    const store = new IncidentStore(dir, now)
    store.open()
    store.create('inc-1')
    const first = recorded('inc-1', 'Before')
    store.append(foldIncident([first]), [first])
    store.writeIndex()
    // Appended by a run that crashed before writing the index.
    appendEvents(store.logPath('inc-1'), [{ ...first, id: 'x', seq: 2, type: 'incident.recorded' }])
    const reopened = new IncidentStore(dir, now)
    // Replayed (the index no longer matches): the second recording cannot apply, and is reported
    // without hiding the incident.
    expect(reopened.open().map((s) => s.title)).toEqual(['Before'])
    expect(reopened.notices.map((n) => n.kind)).toEqual(['line-damaged'])
    expect(reopened.notices[0]?.message).toMatch(/event 2 \(incident.recorded\): .*recorded twice/)
  })
})

describe('the index written per change', () => {
  it('appends only the changed entry, and a reopened store trusts it without replaying', () => {
    const store = new IncidentStore(dir, now)
    store.open()
    recordEach(store, ['inc-1', 'inc-2', 'inc-3'])
    store.writeIndex({ compact: true })
    const whole = store.work.indexed
    const first = recorded('inc-2', 'Renamed')
    store.append(foldIncident([first]), [{ ...first, seq: 2, id: 'inc-2-e2' }])
    store.writeIndex()
    // One entry written, not the three.
    expect(store.work.indexed - whole).toBe(1)
    expect(readFileSync(join(dir, 'index-delta.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1)
    const reopened = new IncidentStore(dir, now)
    const titles = reopened
      .open()
      .map((s) => s.title)
      .sort()
    expect(titles).toEqual(['Renamed', 'Title inc-1', 'Title inc-3'])
    expect(reopened.work.replayed).toBe(0)
  })

  it('ignores delta lines of another generation (a crash between compaction and its cleanup)', () => {
    const store = new IncidentStore(dir, now)
    store.open()
    store.create('inc-1')
    const event = recorded('inc-1', 'Current')
    store.append(foldIncident([event]), [event])
    store.writeIndex({ compact: true })
    const stale = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).incidents['inc-1']
    stale.summary.title = 'Stale'
    appendFileSync(join(dir, 'index-delta.jsonl'), JSON.stringify([0, 'inc-1', stale]) + '\n')
    expect(new IncidentStore(dir, now).open().map((s) => s.title)).toEqual(['Current'])
  })
})

describe('start-up after a clean close', () => {
  it('trusts the index; a session that crashed leaves it untrusted, so its appends are found', () => {
    const first = new IncidentStore(dir, now)
    first.open()
    first.create('inc-1')
    const event = recorded('inc-1', 'Before')
    const before = foldIncident([event])
    first.append(before, [event])
    first.writeIndex({ clean: true })
    expect(existsSync(join(dir, 'index-delta.jsonl'))).toBe(false)

    // A session opens the clean index, appends, and dies before writing the index.
    const crashed = new IncidentStore(dir, now)
    crashed.open()
    expect(crashed.work.replayed).toBe(0)
    expect(existsSync(join(dir, 'index-delta.jsonl'))).toBe(true)
    const severity = {
      ...event,
      id: 'inc-1-e2',
      seq: 2,
      type: 'severity.changed' as const,
      from: 1,
      to: 2,
      reason: 'Fewer users hit',
    }
    crashed.append(applyEvent(before, severity), [severity])

    const after = new IncidentStore(dir, now)
    expect(after.open().map((s) => s.severity)).toEqual([2])
    expect(after.work.replayed).toBe(1)
  })

  it('a start-up that replayed logs leaves the index to the next write; dying first only means replaying again', () => {
    for (const id of ['inc-1', 'inc-2']) {
      mkdirSync(join(dir, 'incidents', id, 'attachments'), { recursive: true })
      appendEvents(join(dir, 'incidents', id, 'events.jsonl'), [recorded(id)])
    }
    // No index yet: start-up replays both logs and does not wait to write the index.
    const first = new IncidentStore(dir, now)
    expect(first.open()).toHaveLength(2)
    expect(first.work.replayed).toBe(2)
    expect(existsSync(join(dir, 'index.json'))).toBe(false)
    expect(first.indexPending).toBe(true)
    // That session dies before its index write: the next start replays again, nothing is lost.
    const second = new IncidentStore(dir, now)
    expect(
      second
        .open()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['inc-1', 'inc-2'])
    expect(second.work.replayed).toBe(2)
    // Its write comes (the host's timer): the whole index, after which a start replays nothing.
    second.writeIndex()
    expect(second.work.indexed).toBe(2)
    expect(second.indexPending).toBe(false)
    expect(
      Object.keys(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).incidents),
    ).toEqual(expect.arrayContaining(['inc-1', 'inc-2']))
    second.writeIndex({ clean: true })
    const third = new IncidentStore(dir, now)
    expect(third.open()).toHaveLength(2)
    expect(third.work.replayed).toBe(0)
  })

  it('closing a session that changed nothing keeps the index clean without rewriting it', () => {
    const first = new IncidentStore(dir, now)
    first.open()
    first.create('inc-1')
    const event = recorded('inc-1')
    first.append(foldIncident([event]), [event])
    first.writeIndex({ clean: true })
    const idle = new IncidentStore(dir, now)
    idle.open()
    idle.writeIndex({ clean: true })
    expect(idle.work.indexed).toBe(0)
    expect(existsSync(join(dir, 'index-delta.jsonl'))).toBe(false)
  })
})

describe('an index edited by hand', () => {
  it('replays only the entries of another shape, and lists every incident as its log says', () => {
    const store = new IncidentStore(dir, now)
    store.open()
    const ids = ['inc-1', 'inc-2', 'inc-3', 'inc-4', 'inc-5']
    recordEach(store, ids)
    store.writeIndex({ clean: true })
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
    index.incidents['inc-1'].summary = 42
    delete index.incidents['inc-2'].summary.status
    index.incidents['inc-3'].summary.title = 42
    index.incidents['inc-4'].summary.id = 'inc-5'
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index))

    const reopened = new IncidentStore(dir, now)
    const summaries = reopened.open().sort((a, b) => a.id.localeCompare(b.id))
    expect(summaries.map((s) => [s.id, s.title, s.status])).toEqual(
      ids.map((id) => [id, `Title ${id}`, 'pending']),
    )
    expect(reopened.work.replayed).toBe(4)
  })
})

describe('the insight facts of the index', () => {
  /** Three incidents, closed cleanly: index.json and index-facts.json of one generation. */
  function threeClosed(): void {
    const store = new IncidentStore(dir, now)
    store.open()
    recordEach(store, ['inc-1', 'inc-2', 'inc-3'])
    store.writeIndex({ clean: true })
  }
  const titles = (store: IncidentStore) =>
    store
      .facts()
      .map((f) => f.title)
      .sort()
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'))

  it('are kept beside the index and read only when first asked for, without replaying a log', () => {
    threeClosed()
    const index = read('index.json')
    expect(Object.values(index.incidents).some((e) => 'facts' in (e as object))).toBe(false)
    expect(Object.keys(read('index-facts.json').facts).sort()).toEqual(['inc-1', 'inc-2', 'inc-3'])
    expect(read('index-facts.json').generation).toBe(index.generation)

    const store = new IncidentStore(dir, now)
    expect(store.open()).toHaveLength(3)
    expect(titles(store)).toEqual(['Title inc-1', 'Title inc-2', 'Title inc-3'])
    expect(store.work.replayed).toBe(0)
    expect(store.notices).toEqual([])
  })

  it('a whole write in a session that never read them still keeps every incident’s facts', () => {
    threeClosed()
    const store = new IncidentStore(dir, now)
    store.open()
    const first = recorded('inc-2', 'Title inc-2')
    const severity = {
      ...first,
      id: 'inc-2-e2',
      seq: 2,
      type: 'severity.changed' as const,
      from: 1,
      to: 2,
      reason: 'Fewer users hit',
    }
    store.append(applyEvent(foldIncident([first]), severity), [severity])
    store.writeIndex({ clean: true })
    expect(store.work.replayed).toBe(0)
    const facts = read('index-facts.json').facts
    expect(Object.keys(facts).sort()).toEqual(['inc-1', 'inc-2', 'inc-3'])
    expect(facts['inc-2'].severity).toBe(2)
    const next = new IncidentStore(dir, now)
    next.open()
    expect(titles(next)).toEqual(['Title inc-1', 'Title inc-2', 'Title inc-3'])
    expect(next.facts().map((f) => f.severity)).toEqual([1, 2, 1])
  })

  it('lost, damaged or of another generation: worked out from the logs, the damaged file kept', () => {
    threeClosed()
    const lost = new IncidentStore(dir, now)
    lost.open()
    const factsPath = join(dir, 'index-facts.json')
    const whole = readFileSync(factsPath, 'utf8')
    writeFileSync(
      factsPath,
      whole.replace(/"generation":(\d+)/, (_, g) => `"generation":${+g - 1}`),
    )
    expect(titles(lost)).toEqual(['Title inc-1', 'Title inc-2', 'Title inc-3'])
    expect(lost.work.replayed).toBe(3)
    expect(lost.notices).toEqual([])

    writeFileSync(factsPath, whole.slice(0, 200))
    const damaged = new IncidentStore(dir, now)
    damaged.open()
    expect(titles(damaged)).toEqual(['Title inc-1', 'Title inc-2', 'Title inc-3'])
    expect(damaged.work.replayed).toBe(3)
    expect(damaged.notices.map((n) => n.kind)).toEqual(['index-rebuilt'])
    expect(damaged.notices[0]!.message).toMatch(/index-facts\.json\.corrupt-/)
    expect(readdirSync(dir).some((f) => f.startsWith('index-facts.json.corrupt-'))).toBe(true)
    // Nothing else was touched: the summaries came from the index, as before.
    expect(damaged.open()).toHaveLength(3)

    // Edited by hand: an entry of another shape is worked out again, the others are read.
    damaged.writeIndex({ compact: true })
    const edited = read('index-facts.json')
    edited.facts['inc-2'] = { id: 'inc-2', title: 42 }
    writeFileSync(factsPath, JSON.stringify(edited))
    const handEdited = new IncidentStore(dir, now)
    handEdited.open()
    expect(titles(handEdited)).toEqual(['Title inc-1', 'Title inc-2', 'Title inc-3'])
    expect(handEdited.work.replayed).toBe(1)
  })

  it('an index of an earlier version, facts inline or beside, is rebuilt and its facts worked out again', () => {
    for (const version of [3, 4]) {
      threeClosed()
      const index = read('index.json')
      const file = read('index-facts.json')
      // Facts by an earlier rule: none of them may be shown.
      for (const facts of Object.values(file.facts)) (facts as { title: string }).title = 'Stale'
      if (version === 3) {
        for (const [id, entry] of Object.entries(index.incidents)) {
          ;(entry as { facts: unknown }).facts = file.facts[id]
        }
        rmSync(join(dir, 'index-facts.json'))
      } else {
        writeFileSync(join(dir, 'index-facts.json'), JSON.stringify({ ...file, version }))
      }
      writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...index, version }))
      const store = new IncidentStore(dir, now)
      expect(store.open()).toHaveLength(3)
      expect(titles(store)).toEqual(['Title inc-1', 'Title inc-2', 'Title inc-3'])
      expect(store.work.replayed).toBe(3)
      store.writeIndex({ compact: true })
      expect(read('index.json').version).toBeGreaterThan(4)
      expect(read('index-facts.json').version).toBe(read('index.json').version)
    }
  })
})
