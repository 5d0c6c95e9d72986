import { describe, expect, it } from 'vitest'
import { toCommsView } from '../comms/from-incident'
import type { IncidentEvent, IncidentRecorded } from '../events'
import { EVENT_SCHEMA_VERSION } from '../event-schemas'
import { applyEvent, foldIncident, type Incident } from '../incident'
import { DEFAULT_SETTINGS } from '../settings/settings'
import { Timeline, timelineWork } from './list'
import { itemText } from './timeline'

const T0 = Date.parse('2026-11-23T14:00:00.000Z')
const iso = (s: number) => new Date(T0 + s * 1_000).toISOString()

const recorded: IncidentRecorded = {
  type: 'incident.recorded',
  id: 'rec',
  incidentId: 'inc',
  seq: 1,
  at: iso(0),
  by: 'Dana',
  title: 'API down',
  observed: '',
  severity: 1,
  scale: 'openverse',
  detection: 'alert',
  area: 'API',
  status: 'pending',
}

const base = { incidentId: 'inc', by: 'Dana', v: EVENT_SCHEMA_VERSION }

const note = (seq: number, text: string, atSecond = seq): IncidentEvent => ({
  ...base,
  type: 'entry.added',
  id: `ev${seq}`,
  seq,
  at: iso(atSecond),
  entryId: `n${seq}`,
  occurredAt: iso(atSecond),
  verified: true,
  content: { kind: 'note', text },
})

/** An incident of `entries` notes after its recording, folded as the store replays a log. */
function incidentOf(entries: number): Incident {
  const events: IncidentEvent[] = [recorded]
  for (let i = 0; i < entries; i++) events.push(note(i + 2, `check ${i}`))
  return foldIncident(events)
}

/** Items copied into a new backing array while `work` runs. */
function copiedBy(work: () => void): number {
  const before = timelineWork.copied
  work()
  return timelineWork.copied - before
}

const texts = (incident: Incident) => [...incident.timeline].map(itemText)

describe('the timeline as a persistent list', () => {
  it('appending a note or a lifecycle item copies nothing, at 100,000 entries as at 10; nor does a replay', () => {
    for (const size of [10, 100_000]) {
      let incident = incidentOf(10)
      // Replaying the log changes the fold's own list in place: no copy per entry either.
      expect(copiedBy(() => (incident = incidentOf(size)))).toBeLessThanOrEqual(1)
      const copied = copiedBy(() => {
        for (let k = 0; k < 20; k++) {
          const seq = size + 2 + k
          incident = applyEvent(incident, note(seq, `new ${k}`))
        }
        incident = applyEvent(incident, {
          ...base,
          type: 'comms.copied',
          id: 'copy',
          seq: size + 30,
          at: iso(size + 30),
          output: 'p2-comment',
          label: 'P2 status comment',
        } as IncidentEvent)
      })
      expect(copied, `${size} entries`).toBe(0)
      expect(incident.timeline.length).toBe(size + 1 + 21)
      expect(itemText(incident.timeline.at(-2)!)).toBe('new 19')
    }
  })

  it('an older snapshot does not see later appends, edits, deletes or a branch from it', () => {
    const before = incidentOf(3)
    const snapshot = texts(before)
    const appended = applyEvent(before, note(5, 'Finding 1: slow plan'))
    expect(texts(before)).toEqual(snapshot)
    expect(texts(appended)).toEqual([...snapshot, 'Finding 1: slow plan'])

    const edited = applyEvent(appended, {
      ...base,
      type: 'entry.edited',
      id: 'ed',
      seq: 6,
      at: iso(6),
      entryId: 'n5',
      changes: { text: 'Finding 1: slow query plan' },
    })
    const deleted = applyEvent(edited, {
      ...base,
      type: 'entry.deleted',
      id: 'del',
      seq: 7,
      at: iso(7),
      entryId: 'n2',
    })
    expect(texts(appended).at(-1)).toBe('Finding 1: slow plan')
    expect(texts(edited).at(-1)).toBe('Finding 1: slow query plan')
    expect(appended.timeline.find((i) => i.id === 'n2')).toMatchObject({ deleted: false })
    expect(deleted.timeline.find((i) => i.id === 'n2')).toMatchObject({ deleted: true })

    // Appending to a snapshot that is no longer the newest copies it: the newer one is untouched.
    const branch = applyEvent(before, note(5, 'Another path'))
    expect(texts(branch).at(-1)).toBe('Another path')
    expect(texts(appended).at(-1)).toBe('Finding 1: slow plan')
    expect(texts(before)).toEqual(snapshot)
  })

  it('"since the last update" compares the incident before and after a note', () => {
    const posted = applyEvent(incidentOf(2), {
      ...base,
      type: 'update.posted',
      id: 'up',
      seq: 10,
      at: iso(10),
      text: 'Investigating',
    } as IncidentEvent)
    const after = applyEvent(posted, note(11, 'Finding 1: slow plan'))
    expect(toCommsView(posted, DEFAULT_SETTINGS).sinceLastUpdate).toEqual([])
    expect(toCommsView(after, DEFAULT_SETTINGS).sinceLastUpdate.map((l) => l.text)).toEqual([
      'Finding 1: slow plan',
    ])
  })

  it('reads like a read-only array: length, at, iteration, find, filter, slice, JSON', () => {
    const list = Timeline.of([1, 2, 3]).append(4)
    const older = Timeline.of([1, 2, 3])
    older.append(4)
    expect(older.length).toBe(3)
    expect([list.length, list.at(0), list.at(-1), list.at(4)]).toEqual([4, 1, 4, undefined])
    expect([...list]).toEqual([1, 2, 3, 4])
    expect(list.find((n) => n > 1)).toBe(2)
    expect(list.findLast((n) => n < 4)).toBe(3)
    expect(list.filter((n) => n % 2 === 0)).toEqual([2, 4])
    expect([list.slice(1, 3), list.slice(-2), list.slice(3, 1)]).toEqual([[2, 3], [3, 4], []])
    expect(JSON.stringify({ t: list })).toBe('{"t":[1,2,3,4]}')
    // A shorter snapshot of the same backing array shows only its own items.
    const short = list.copyWith((items) => items.pop())
    expect([...short]).toEqual([1, 2, 3])
    expect(short.slice(0, 10)).toEqual([1, 2, 3])
  })
})
