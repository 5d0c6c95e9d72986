import { describe, expect, it } from 'vitest'
import type { IncidentEvent } from '../events'
import { foldIncident, summarize } from '../incident'
import { incidentFacts } from '../insights'
import { retroFacts } from '../retro/due'
import { incidentMetrics } from './key-times'

const MIN = 60_000
let seq = 0
const at = (hhmm: string) => `2026-11-23T${hhmm}:00.000Z`
const event = (hhmm: string, body: Record<string, unknown>) =>
  ({ id: `e${++seq}`, incidentId: 'i1', seq, at: at(hhmm), by: 'Dana', ...body }) as IncidentEvent
const move = (hhmm: string, from: string, to: string) =>
  event(hhmm, { type: 'status.changed', from, to, summary: 'x' })

const recorded = event('14:00', {
  type: 'incident.recorded',
  title: 'Search down',
  observed: '',
  severity: 2,
  scale: 'openverse',
  detection: 'alert',
  area: 'API',
  status: 'pending',
})

describe('milestone times, one answer everywhere', () => {
  it('a resolved incident that happened again is not resolved, and was first stabilized at the first stabilization', () => {
    const incident = foldIncident([
      recorded,
      move('14:10', 'pending', 'stabilized'),
      move('15:00', 'stabilized', 'resolved'),
      move('16:00', 'resolved', 'pending'),
      event('16:00', { type: 'incident.reopened', note: 'Again' }),
      move('16:30', 'pending', 'stabilized'),
    ])
    const now = Date.parse(at('17:00'))
    expect(summarize(incident).resolvedAt).toBeNull()
    expect(incidentFacts(incident).resolvedAt).toBeNull()
    expect(retroFacts(incident).resolvedAt).toBeNull()
    expect(incidentMetrics(incident, now).timeToResolve).toBeNull()
    expect(incidentFacts(incident).stabilizedAt).toBe(at('14:10'))
    expect(incidentMetrics(incident, now).timeToStabilize).toBe(10 * MIN)
  })

  it('a resolved incident has one resolution time in the summary, the facts, the retro and the metrics', () => {
    const incident = foldIncident([
      recorded,
      move('14:10', 'pending', 'stabilized'),
      move('15:00', 'stabilized', 'resolved'),
    ])
    const now = Date.parse(at('17:00'))
    expect(summarize(incident).resolvedAt).toBe(at('15:00'))
    expect(incidentFacts(incident).resolvedAt).toBe(at('15:00'))
    expect(retroFacts(incident).resolvedAt).toBe(at('15:00'))
    expect(incidentMetrics(incident, now).timeToResolve).toBe(60 * MIN)
  })
})
