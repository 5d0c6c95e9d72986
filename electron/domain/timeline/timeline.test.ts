import { describe, expect, it } from 'vitest'
import type { IncidentEvent, IncidentRecorded } from '../events'
import { CorruptLogError, foldIncident } from '../incident'
import { isEntry, type Entry } from './timeline'
import type { TimelineEvent } from './events'

const recorded: IncidentRecorded = {
  type: 'incident.recorded',
  id: 'e1',
  incidentId: 'inc',
  seq: 1,
  at: '2026-11-23T14:00:00.000Z',
  by: 'Dana',
  title: 'API down',
  observed: '',
  severity: 1,
  scale: 'openverse',
  detection: 'alert',
  area: 'API',
  status: 'pending',
}

let seq = 1
type Draft<E = TimelineEvent> = E extends TimelineEvent
  ? Omit<E, 'seq' | 'incidentId' | 'by' | 'id'> & { by?: string }
  : never
const ev = (e: Draft) =>
  ({ id: `e${++seq}`, incidentId: 'inc', by: 'Dana', seq, ...e }) as IncidentEvent

const note = (entryId: string, text: string, at: string, occurredAt = at) =>
  ev({
    type: 'entry.added',
    entryId,
    at,
    occurredAt,
    verified: true,
    content: { kind: 'note', text },
  })

const entries = (events: IncidentEvent[]): Entry[] =>
  foldIncident([recorded, ...events]).timeline.filter(isEntry)

describe('timeline entries', () => {
  it('adds an entry with author, event time and written time', () => {
    const [entry] = entries([note('n1', 'Error rate 40%', '2026-11-23T14:05:00.000Z')])
    expect(entry).toMatchObject({
      id: 'n1',
      kind: 'note',
      text: 'Error rate 40%',
      by: 'Dana',
      at: '2026-11-23T14:05:00.000Z',
      writtenAt: '2026-11-23T14:05:00.000Z',
      verified: true,
      deleted: false,
      history: [],
    })
  })

  it('sorts a back-dated entry by when it happened and keeps when it was written', () => {
    const timeline = foldIncident([
      recorded,
      note('n1', 'Rolled back', '2026-11-23T14:10:00.000Z'),
      note('n2', 'Started at 14:02', '2026-11-23T14:12:00.000Z', '2026-11-23T14:02:00.000Z'),
      note('n3', 'Before recording', '2026-11-23T14:13:00.000Z', '2026-11-23T13:50:00.000Z'),
    ]).timeline.toArray()
    expect(timeline.map((t) => t.id)).toEqual(['n3', 'e1', 'n2', 'n1'])
    expect(timeline[2]).toMatchObject({
      at: '2026-11-23T14:02:00.000Z',
      writtenAt: '2026-11-23T14:12:00.000Z',
    })
  })

  it('keeps every earlier version when an entry is edited, re-dated or marked a hypothesis', () => {
    const [entry] = entries([
      note('n1', 'DB is the cause', '2026-11-23T14:05:00.000Z'),
      ev({
        type: 'entry.edited',
        entryId: 'n1',
        at: '2026-11-23T14:06:00.000Z',
        changes: { verified: false },
      }),
      ev({
        type: 'entry.edited',
        entryId: 'n1',
        at: '2026-11-23T14:20:00.000Z',
        by: 'Sam',
        changes: { text: 'DB is probably the cause', occurredAt: '2026-11-23T14:01:00.000Z' },
      }),
    ])
    expect(entry).toMatchObject({
      text: 'DB is probably the cause',
      at: '2026-11-23T14:01:00.000Z',
      verified: false,
    })
    expect(entry!.history).toEqual([
      {
        editedAt: '2026-11-23T14:06:00.000Z',
        editedBy: 'Dana',
        at: '2026-11-23T14:05:00.000Z',
        verified: true,
        content: { kind: 'note', text: 'DB is the cause' },
      },
      {
        editedAt: '2026-11-23T14:20:00.000Z',
        editedBy: 'Sam',
        at: '2026-11-23T14:05:00.000Z',
        verified: false,
        content: { kind: 'note', text: 'DB is the cause' },
      },
    ])
  })

  it('deletes by marking and restores with the content intact', () => {
    const base = [note('n1', 'keep me', '2026-11-23T14:05:00.000Z')]
    const deleted = ev({ type: 'entry.deleted', entryId: 'n1', at: '2026-11-23T14:06:00.000Z' })
    expect(entries([...base, deleted])[0]).toMatchObject({ deleted: true, text: 'keep me' })
    const restored = ev({ type: 'entry.restored', entryId: 'n1', at: '2026-11-23T14:07:00.000Z' })
    expect(entries([...base, deleted, restored])[0]).toMatchObject({
      deleted: false,
      text: 'keep me',
    })
  })

  it('does not let an edit put fields on an entry of another kind', () => {
    const [entry] = entries([
      ev({
        type: 'entry.added',
        entryId: 'l1',
        at: '2026-11-23T14:05:00.000Z',
        occurredAt: '2026-11-23T14:05:00.000Z',
        verified: true,
        content: { kind: 'link', title: 'Grafana', url: 'https://grafana.example/d/1' },
      }),
      ev({
        type: 'entry.edited',
        entryId: 'l1',
        at: '2026-11-23T14:06:00.000Z',
        changes: { text: 'x', title: 'Dash' },
      }),
    ])
    expect(entry).toEqual(expect.objectContaining({ kind: 'link', title: 'Dash' }))
    expect(entry).not.toHaveProperty('text')
  })

  it('treats an event for an unknown entry as a damaged log', () => {
    expect(() =>
      entries([ev({ type: 'entry.deleted', entryId: 'ghost', at: '2026-11-23T14:06:00.000Z' })]),
    ).toThrow(CorruptLogError)
  })
})
