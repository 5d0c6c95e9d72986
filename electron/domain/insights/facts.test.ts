import { describe, expect, it } from 'vitest'
import type { IncidentEvent } from '../events'
import { foldIncident } from '../incident'
import { incidentFacts } from './facts'
import { leadDistribution } from './metrics'

type Body<E = IncidentEvent> = E extends IncidentEvent
  ? Omit<E, 'id' | 'incidentId' | 'seq' | 'at' | 'by'>
  : never

/** The events of one incident's log, numbered as the store would. */
function log(incidentId: string) {
  let seq = 0
  return (time: string, body: Body, by = 'Dana') =>
    ({ id: `e${++seq}`, incidentId, seq, at: at(time), by, ...body }) as IncidentEvent
}

/** 'HH:MM' on Monday 2026-11-23, or a full ISO time. */
const at = (time: string) =>
  time.length === 5 ? `2026-11-23T${time}:00.000Z` : new Date(time).toISOString()

const recorded = (severity: number, status: 'pending' | 'stabilized' = 'pending'): Body => ({
  type: 'incident.recorded',
  title: 'Thumbnails time out',
  observed: 'Every thumbnail request takes 30 s',
  severity,
  scale: 'openverse',
  detection: 'alert',
  area: 'Thumbnails',
  status,
})

describe('incidentFacts of a folded incident', () => {
  const e = log('20261123-1400-abcd')
  const events = [
    e('14:00', recorded(2), 'Sam'),
    e('14:00', {
      type: 'incident.linked',
      otherId: '20261101-0900-beef',
      otherTitle: 'Thumbnails slow',
      relation: 'recurrence-of',
    }),
    e('14:05', { type: 'lead.set', lead: 'Dana', source: 'rota' }),
    e('14:06', { type: 'update.snoozed', minutes: 10, until: at('14:16') }),
    e('14:10', {
      type: 'entry.added',
      entryId: 'n1',
      occurredAt: at('14:10'),
      verified: true,
      content: { kind: 'note', text: 'Posted an update: draft in Slack, not sent' },
    }),
    e('14:30', { type: 'update.posted', text: 'Looking into it' }),
    e('14:40', { type: 'severity.changed', from: 2, to: 1, reason: 'All thumbnails now' }),
    e('14:50', { type: 'status.changed', from: 'pending', to: 'stabilized', summary: 'Rollback' }),
    e('15:00', { type: 'lead.set', lead: 'Lee', source: 'rota', note: 'Dinner' }),
    e('15:10', { type: 'lead.set', lead: 'Dana', source: 'rota', note: 'Back' }),
    e('15:20', { type: 'update.posted', text: 'Stable since the rollback' }),
    e('15:30', { type: 'status.changed', from: 'stabilized', to: 'investigating' }),
    e('16:00', { type: 'status.changed', from: 'investigating', to: 'resolved', summary: 'Fix' }),
    e('16:05', {
      type: 'keytime.changed',
      key: 'detectedAt',
      value: at('13:52'),
      reason: 'The alert fired at 13:52',
    }),
  ]
  const facts = incidentFacts(foldIncident(events))

  it('reads every fact from the fold', () => {
    expect(facts).toEqual({
      id: '20261123-1400-abcd',
      title: 'Thumbnails time out',
      severity: 1,
      scale: 'openverse',
      status: 'resolved',
      recordedAt: '2026-11-23T14:00:00.000Z',
      detectedAt: '2026-11-23T13:52:00.000Z',
      stabilizedAt: '2026-11-23T14:50:00.000Z',
      resolvedAt: '2026-11-23T16:00:00.000Z',
      leads: ['Dana', 'Lee'],
      updates: [
        // The first runs from the recording, at severity 2: the change to 1 came at 14:40.
        { since: '2026-11-23T14:00:00.000Z', at: '2026-11-23T14:30:00.000Z', severity: 2 },
        { since: '2026-11-23T14:30:00.000Z', at: '2026-11-23T15:20:00.000Z', severity: 1 },
      ],
      recurrenceOf: { id: '20261101-0900-beef', title: 'Thumbnails slow' },
    })
  })

  it('survives a round trip through JSON (index.json)', () => {
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts)
  })

  it('counts a lead who led twice once for the incident', () => {
    expect(leadDistribution([facts], { now: new Date(at('16:10')), days: 90 })).toEqual([
      { lead: 'Dana', incidents: 1 },
      { lead: 'Lee', incidents: 1 },
    ])
  })
})

describe('incidentFacts: stabilization and resolution', () => {
  it('keeps the first stabilization when it fell back to pending and stabilized again', () => {
    const e = log('i2')
    const facts = incidentFacts(
      foldIncident([
        e('14:00', recorded(1)),
        e('14:20', { type: 'status.changed', from: 'pending', to: 'stabilized', summary: 'A' }),
        e('14:40', { type: 'status.changed', from: 'stabilized', to: 'pending' }),
        e('15:00', { type: 'status.changed', from: 'pending', to: 'stabilized', summary: 'B' }),
      ]),
    )
    expect(facts.stabilizedAt).toBe('2026-11-23T14:20:00.000Z')
    expect(facts.resolvedAt).toBeNull()
  })

  it('takes a corrected stabilization time when it stabilized once', () => {
    const e = log('i3')
    const facts = incidentFacts(
      foldIncident([
        e('14:00', recorded(1)),
        e('14:30', { type: 'status.changed', from: 'pending', to: 'stabilized', summary: 'A' }),
        e('14:35', {
          type: 'keytime.changed',
          key: 'stabilizedAt',
          value: at('14:15'),
          reason: 'Errors stopped at 14:15',
        }),
      ]),
    )
    expect(facts.stabilizedAt).toBe('2026-11-23T14:15:00.000Z')
  })

  it('is stabilized at the recording when recorded as already stable', () => {
    const e = log('i4')
    const facts = incidentFacts(foldIncident([e('14:00', recorded(3, 'stabilized'))]))
    expect(facts.stabilizedAt).toBe('2026-11-23T14:00:00.000Z')
    expect(facts.status).toBe('stabilized')
  })

  it('is not resolved once “It happened again” reopened it', () => {
    const e = log('i5')
    const facts = incidentFacts(
      foldIncident([
        e('14:00', recorded(2, 'stabilized')),
        e('15:00', { type: 'status.changed', from: 'stabilized', to: 'resolved', summary: 'X' }),
        e('16:00', { type: 'status.changed', from: 'resolved', to: 'pending' }),
        e('16:00', { type: 'incident.reopened', note: 'Timeouts are back' }),
      ]),
    )
    expect(facts.status).toBe('pending')
    expect(facts.resolvedAt).toBeNull()
    expect(facts.stabilizedAt).toBe('2026-11-23T14:00:00.000Z')
  })

  it('has empty facts for an incident no one led, updated or linked', () => {
    const e = log('i6')
    const facts = incidentFacts(
      foldIncident([
        e('14:00', recorded(3)),
        e('14:01', {
          type: 'incident.linked',
          otherId: 'later',
          otherTitle: 'Again',
          relation: 'recurred-as',
        }),
      ]),
    )
    expect(facts).toMatchObject({
      stabilizedAt: null,
      resolvedAt: null,
      leads: [],
      updates: [],
      recurrenceOf: null,
    })
  })

  it('leaves out an update written while the incident was resolved', () => {
    const e = log('i7')
    const facts = incidentFacts(
      foldIncident([
        e('14:00', recorded(2, 'stabilized')),
        e('14:30', { type: 'update.posted', text: 'Stable' }),
        e('15:00', { type: 'status.changed', from: 'stabilized', to: 'resolved', summary: 'X' }),
        e('15:10', { type: 'update.posted', text: 'Written by hand into the log' }),
      ]),
    )
    expect(facts.updates).toEqual([
      { since: '2026-11-23T14:00:00.000Z', at: '2026-11-23T14:30:00.000Z', severity: 2 },
    ])
  })
})
