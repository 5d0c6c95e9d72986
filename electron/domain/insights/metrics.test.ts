import { describe, expect, it } from 'vitest'
import { Cadence } from '../comms/cadence'
import type { IncidentFacts } from './facts'
import {
  computeInsights,
  durationsBySeverity,
  incidentsPerWeek,
  leadDistribution,
  percentile,
  recurringIncidents,
  updatePunctuality,
} from './metrics'

let n = 0
/** Facts of a quiet incident recorded (and detected) at `recordedAt`; override what matters. */
function fact(recordedAt: string, over: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    id: `i${++n}`,
    title: `Incident ${n}`,
    severity: 2,
    scale: 'sev4',
    status: 'pending',
    recordedAt,
    detectedAt: recordedAt,
    stabilizedAt: null,
    resolvedAt: null,
    leads: [],
    updates: [],
    recurrenceOf: null,
    ...over,
  }
}

/** Minutes after Monday 2026-11-23 14:00 UTC, as an ISO time. */
const min = (m: number) => new Date(Date.UTC(2026, 10, 23, 14, m)).toISOString()

describe('percentile (R-7, linear between closest ranks)', () => {
  it('has no value for no data', () => {
    expect(percentile([], 50)).toBeNull()
  })

  it('is the value itself for one value', () => {
    expect(percentile([7], 0)).toBe(7)
    expect(percentile([7], 50)).toBe(7)
    expect(percentile([7], 90)).toBe(7)
  })

  it('interpolates: [10, 20, 30, 40] has median 25 and p90 37', () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(25)
    expect(percentile([10, 20, 30, 40], 90)).toBe(37)
    expect(percentile([10, 20, 30, 40], 0)).toBe(10)
    expect(percentile([10, 20, 30, 40], 100)).toBe(40)
  })

  it('matches Excel PERCENTILE.INC({15,20,35,40,50}, 0.4) = 29 and a middle rank', () => {
    expect(percentile([15, 20, 35, 40, 50], 40)).toBe(29)
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3)
    expect(percentile([1, 2, 3, 4, 5], 90)).toBe(4.6)
  })

  it('sorts a copy: unsorted input gives the same answer and is left as it was', () => {
    const xs = [40, 10, 30, 20]
    expect(percentile(xs, 90)).toBe(37)
    expect(xs).toEqual([40, 10, 30, 20])
  })

  it('refuses a percentile outside 0–100', () => {
    expect(() => percentile([1, 2], 101)).toThrow(RangeError)
    expect(() => percentile([1, 2], -1)).toThrow(RangeError)
    expect(() => percentile([1, 2], Number.NaN)).toThrow(RangeError)
  })
})

describe('incidentsPerWeek (by recording time, Monday 00:00 UTC weeks)', () => {
  const now = new Date('2026-11-25T10:00:00Z') // a Wednesday

  it('lists every week, empty ones included, when there are no incidents', () => {
    expect(incidentsPerWeek([], { now, weeks: 2 })).toEqual([
      { weekStart: '2026-11-16', bySeverity: {}, total: 0 },
      { weekStart: '2026-11-23', bySeverity: {}, total: 0 },
    ])
  })

  it('puts Sunday 23:59 in the old week and Monday 00:00 in the new one', () => {
    const facts = [
      fact('2026-11-08T23:59:59.999Z', { severity: 1 }), // before the first week
      fact('2026-11-09T00:00:00.000Z', { severity: 3 }),
      fact('2026-11-22T23:59:00.000Z', { severity: 2 }),
      fact('2026-11-23T00:00:00.000Z', { severity: 1 }),
      fact('2026-11-25T09:00:00.000Z', { severity: 1 }),
      fact('2026-11-25T09:30:00.000Z', { severity: 4 }),
    ]
    expect(incidentsPerWeek(facts, { now, weeks: 3 })).toEqual([
      { weekStart: '2026-11-09', bySeverity: { 3: 1 }, total: 1 },
      { weekStart: '2026-11-16', bySeverity: { 2: 1 }, total: 1 },
      { weekStart: '2026-11-23', bySeverity: { 1: 2, 4: 1 }, total: 3 },
    ])
  })

  it('starts the current week on the Monday, whatever the hour of `now`', () => {
    const week = (iso: string) =>
      incidentsPerWeek([], { now: new Date(iso), weeks: 1 })[0]?.weekStart
    expect(week('2026-11-29T23:59:00Z')).toBe('2026-11-23')
    expect(week('2026-11-30T00:00:00Z')).toBe('2026-11-30')
  })

  it('crosses a year end', () => {
    const facts = [fact('2026-12-31T12:00:00Z'), fact('2026-12-27T12:00:00Z')]
    expect(incidentsPerWeek(facts, { now: new Date('2027-01-01T08:00:00Z'), weeks: 2 })).toEqual([
      { weekStart: '2026-12-21', bySeverity: { 2: 1 }, total: 1 },
      { weekStart: '2026-12-28', bySeverity: { 2: 1 }, total: 1 },
    ])
  })
})

describe('durationsBySeverity (minutes from detection)', () => {
  it('is empty for no incidents', () => {
    expect(durationsBySeverity([])).toEqual([])
  })

  it('gives median and p90 per severity, leaving unresolved incidents out of resolve times', () => {
    const sev1 = (stabilized: number, resolved: number | null) =>
      fact(min(0), {
        severity: 1,
        stabilizedAt: min(stabilized),
        resolvedAt: resolved === null ? null : min(resolved),
      })
    const facts = [
      sev1(10, 60),
      sev1(40, null),
      sev1(20, 120),
      sev1(30, null),
      // Detected 8 minutes before it was recorded: durations count from detection.
      fact(min(0), { severity: 2, detectedAt: min(-8), stabilizedAt: min(7), resolvedAt: min(82) }),
      fact(min(0), { severity: 3 }),
    ]
    expect(durationsBySeverity(facts)).toEqual([
      {
        severity: 1,
        count: 4,
        stabilize: { median: 25, p90: 37, n: 4 },
        resolve: { median: 90, p90: 114, n: 2 },
      },
      {
        severity: 2,
        count: 1,
        stabilize: { median: 15, p90: 15, n: 1 },
        resolve: { median: 90, p90: 90, n: 1 },
      },
      { severity: 3, count: 1, stabilize: null, resolve: null },
    ])
  })

  it('counts a stabilization corrected to before detection as 0 minutes', () => {
    const facts = [fact(min(0), { severity: 1, stabilizedAt: min(-5) })]
    expect(durationsBySeverity(facts)[0]?.stabilize).toEqual({ median: 0, p90: 0, n: 1 })
  })
})

describe('updatePunctuality', () => {
  const cadence = Cadence.parse({}) // 60 min for level 1, 1440 for the others
  const day = (d: number, h: number, m = 0) => new Date(Date.UTC(2026, 10, d, h, m)).toISOString()
  const facts = [
    fact(day(23, 14), {
      severity: 1,
      updates: [
        { since: day(23, 14), at: day(23, 15), severity: 1 }, // exactly on the deadline
        { since: day(23, 15), at: day(23, 16, 1), severity: 1 }, // 61 min
        { since: day(23, 16, 1), at: day(23, 16, 30), severity: 1 },
      ],
    }),
    fact(day(23, 14), {
      severity: 2,
      updates: [
        { since: day(23, 14), at: day(24, 14), severity: 2 }, // exactly 24 h
        { since: day(24, 14), at: day(25, 15), severity: 2 }, // 25 h
      ],
    }),
  ]

  it('has nothing to judge without updates', () => {
    expect(updatePunctuality([], cadence)).toEqual({
      posted: 0,
      onTime: 0,
      share: null,
      bySeverity: [],
    })
    expect(updatePunctuality([fact(min(0))], cadence).share).toBeNull()
  })

  it('counts an update on the deadline as on time, a minute later as late', () => {
    expect(updatePunctuality(facts, cadence)).toEqual({
      posted: 5,
      onTime: 3,
      share: 0.6,
      bySeverity: [
        { severity: 1, posted: 3, onTime: 2, share: 2 / 3 },
        { severity: 2, posted: 2, onTime: 1, share: 0.5 },
      ],
    })
  })

  it('judges against the cadence it is given', () => {
    const relaxed = Cadence.parse({ '1': 90, '2': 1500 })
    expect(updatePunctuality(facts, relaxed)).toMatchObject({ posted: 5, onTime: 5, share: 1 })
  })

  it('uses the severity of the update, not the incident’s current one', () => {
    const downgraded = fact(min(0), {
      severity: 3,
      updates: [{ since: min(0), at: min(90), severity: 1 }],
    })
    expect(updatePunctuality([downgraded], cadence)).toMatchObject({ onTime: 0, share: 0 })
  })
})

describe('leadDistribution', () => {
  const now = new Date('2026-11-25T12:00:00Z')

  it('is empty for no incidents', () => {
    expect(leadDistribution([], { now, days: 90 })).toEqual([])
  })

  it('counts incidents per lead in the last 90 days, no lead under ""', () => {
    const facts = [
      fact('2026-11-20T09:00:00Z', { leads: ['Dana', 'Lee'] }),
      fact('2026-11-01T09:00:00Z', { leads: ['Dana'] }),
      fact('2026-10-01T09:00:00Z', { leads: [] }),
      fact('2026-08-27T12:00:00Z', { leads: ['Ana'] }), // exactly 90 days old: in
      fact('2026-08-26T12:00:00Z', { leads: ['Ana'] }), // 91 days old: out
      fact('2026-08-26T12:00:00Z', { leads: ['Zed'] }), // 91 days old: out
    ]
    expect(leadDistribution(facts, { now, days: 90 })).toEqual([
      { lead: 'Dana', incidents: 2 },
      { lead: '', incidents: 1 },
      { lead: 'Ana', incidents: 1 },
      { lead: 'Lee', incidents: 1 },
    ])
  })
})

describe('recurringIncidents', () => {
  it('is empty when nothing recurred', () => {
    expect(recurringIncidents([])).toEqual([])
    expect(recurringIncidents([fact(min(0))])).toEqual([])
  })

  it('lists recurrences newest first with what they recurred from', () => {
    const older = fact('2026-11-10T09:00:00.000Z', {
      id: 'b',
      title: 'Search slow again',
      recurrenceOf: { id: 'a', title: 'Search slow' },
    })
    const newer = fact('2026-11-20T09:00:00.000Z', {
      id: 'c',
      title: 'Search slow, third time',
      recurrenceOf: { id: 'b', title: 'Search slow again' },
    })
    expect(recurringIncidents([older, fact(min(0), { id: 'x' }), newer])).toEqual([
      {
        id: 'c',
        title: 'Search slow, third time',
        recordedAt: '2026-11-20T09:00:00.000Z',
        recurrenceOf: { id: 'b', title: 'Search slow again' },
      },
      {
        id: 'b',
        title: 'Search slow again',
        recordedAt: '2026-11-10T09:00:00.000Z',
        recurrenceOf: { id: 'a', title: 'Search slow' },
      },
    ])
  })
})

describe('computeInsights', () => {
  const now = new Date('2026-11-25T12:00:00Z')
  const cadence = Cadence.parse({})

  it('is all empty for no incidents, with 12 empty weeks', () => {
    const insights = computeInsights([], { now, cadence })
    expect(insights.perWeek).toHaveLength(12)
    expect(insights.perWeek[0]).toEqual({ weekStart: '2026-09-07', bySeverity: {}, total: 0 })
    expect(insights.perWeek[11]?.weekStart).toBe('2026-11-23')
    expect(insights).toMatchObject({
      durations: [],
      punctuality: { posted: 0, onTime: 0, share: null, bySeverity: [] },
      leads: [],
      recurring: [],
    })
  })

  it('defaults to leads of the last 90 days and honours other windows', () => {
    const facts = [
      fact('2026-08-27T12:00:00Z', { leads: ['Ana'] }), // 90 days
      fact('2026-08-26T12:00:00Z', { leads: ['Zed'] }), // 91 days
    ]
    expect(computeInsights(facts, { now, cadence }).leads).toEqual([{ lead: 'Ana', incidents: 1 }])
    const wide = computeInsights(facts, { now, cadence, weeks: 2, leadDays: 91 })
    expect(wide.leads).toEqual([
      { lead: 'Ana', incidents: 1 },
      { lead: 'Zed', incidents: 1 },
    ])
    expect(wide.perWeek.map((w) => w.weekStart)).toEqual(['2026-11-16', '2026-11-23'])
  })
})
