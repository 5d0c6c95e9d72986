import { describe, expect, it } from 'vitest'
import type { IncidentSummary } from '../../../../electron/shared/types'
import { filterHistory, isFiltered, leadsOf, NO_FILTERS, NO_LEAD } from './history-filter'

const summary = (over: Partial<IncidentSummary>): IncidentSummary => ({
  id: 'x',
  title: 'x',
  severity: 2,
  scale: 'openverse',
  status: 'resolved',
  active: false,
  recorder: 'Dana',
  lead: null,
  area: '',
  recordedAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  lastUpdateAt: null,
  snoozedUntil: null,
  ...over,
})

// The user's zone is UTC here, so the filters' days are UTC days (another zone is tested below).
const incidents = [
  summary({
    id: 'a',
    severity: 1,
    status: 'investigating',
    lead: 'Ali',
    recordedAt: '2026-11-20T23:59:00.000Z',
  }),
  summary({
    id: 'b',
    severity: 2,
    status: 'resolved',
    lead: 'Dana',
    recordedAt: '2026-11-21T00:00:00.000Z',
  }),
  summary({
    id: 'c',
    severity: 2,
    status: 'reviewed',
    lead: null,
    recordedAt: '2026-10-02T08:00:00.000Z',
  }),
  summary({
    id: 'd',
    severity: 3,
    status: 'stabilized',
    lead: 'Ali',
    recordedAt: '2026-09-30T08:00:00.000Z',
  }),
]
const ids = (f: Partial<typeof NO_FILTERS>, text: Set<string> | null = null) =>
  filterHistory(incidents, { ...NO_FILTERS, ...f }, text, 'UTC').map((i) => i.id)

describe('history filters', () => {
  it('passes everything with no filter', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd'])
    expect(isFiltered(NO_FILTERS)).toBe(false)
    expect(isFiltered({ ...NO_FILTERS, severity: 1 })).toBe(true)
  })
  it('filters by status, any active status, severity and lead', () => {
    expect(ids({ status: 'resolved' })).toEqual(['b'])
    expect(ids({ status: 'active' })).toEqual(['a', 'd'])
    expect(ids({ severity: 2 })).toEqual(['b', 'c'])
    expect(ids({ lead: 'Ali' })).toEqual(['a', 'd'])
    expect(ids({ lead: NO_LEAD })).toEqual(['c'])
  })
  it('takes whole local days, both ends included', () => {
    expect(ids({ from: '2026-11-21' })).toEqual(['b'])
    expect(ids({ to: '2026-11-20' })).toEqual(['a', 'c', 'd'])
    expect(ids({ from: '2026-10-01', to: '2026-10-31' })).toEqual(['c'])
  })
  it("takes the days of the user's zone, whatever zone the machine runs in", () => {
    const inZone = (zone: string, f: Partial<typeof NO_FILTERS>) =>
      filterHistory(incidents, { ...NO_FILTERS, ...f }, null, zone).map((i) => i.id)
    // 23:59 and 00:00 UTC are both the afternoon of the 20th in Los Angeles.
    expect(inZone('America/Los_Angeles', { from: '2026-11-21' })).toEqual([])
    expect(inZone('America/Los_Angeles', { from: '2026-11-20', to: '2026-11-20' })).toEqual([
      'a',
      'b',
    ])
    // And both the morning of the 21st in Kolkata (UTC+5:30).
    expect(inZone('Asia/Kolkata', { from: '2026-11-21', to: '2026-11-21' })).toEqual(['a', 'b'])
  })
  it('combines the search answer with the other filters', () => {
    expect(ids({ severity: 2 }, new Set(['a', 'c']))).toEqual(['c'])
    expect(ids({}, new Set())).toEqual([])
  })
  it('lists leads once, sorted', () => {
    expect(leadsOf(incidents)).toEqual(['Ali', 'Dana'])
  })
})
