import { itemText } from '../timeline/timeline'
import { describe, expect, it } from 'vitest'
import type { IncidentEvent } from '../events'
import { foldIncident, summarize } from '../incident'
import type { MitigationEvent } from './events'

let seq = 0
const at = (min: number) => new Date(Date.UTC(2026, 10, 23, 14, min)).toISOString()
const base = (min: number) => ({
  id: `e${++seq}`,
  incidentId: 'i1',
  seq,
  at: at(min),
  by: 'Dana',
})
const recorded: IncidentEvent = {
  ...base(0),
  type: 'incident.recorded',
  title: 'API down',
  observed: '',
  severity: 1,
  scale: 'openverse',
  detection: 'alert',
  area: '',
  status: 'pending',
}
type Body = MitigationEvent extends infer E
  ? E extends MitigationEvent
    ? Omit<E, 'id' | 'incidentId' | 'seq' | 'at' | 'by'>
    : never
  : never
const ev = (min: number, body: Body) => ({ ...base(min), ...body }) as IncidentEvent
const fold = (...events: IncidentEvent[]) => foldIncident([recorded, ...events])
const lines = (events: IncidentEvent[]) =>
  foldIncident([recorded, ...events])
    .timeline.slice(1)
    .map((t) => itemText(t))

describe('silenced alarms', () => {
  const silenced = ev(1, { type: 'alarm.silenced', alarmId: 'a1', name: 'API 5xx', link: null })
  it('records who silenced it and when, and re-enabling closes it', () => {
    const reenabled = ev(30, { type: 'alarm.reenabled', alarmId: 'a1' })
    const before = fold(silenced)
    expect(before.alarms).toEqual([
      {
        id: 'a1',
        name: 'API 5xx',
        link: null,
        silencedAt: at(1),
        silencedBy: 'Dana',
        reenabledAt: null,
        reenabledBy: null,
      },
    ])
    expect(summarize(before).silencedAlarms).toEqual([
      { id: 'a1', name: 'API 5xx', silencedAt: at(1) },
    ])
    const after = fold(silenced, reenabled)
    expect(after.alarms[0]).toMatchObject({ reenabledAt: at(30), reenabledBy: 'Dana' })
    expect(summarize(after).silencedAlarms).toEqual([])
    expect(before.alarms[0]?.reenabledAt).toBeNull()
    expect(lines([silenced, reenabled])).toEqual([
      'Silenced alarm “API 5xx” (Dana)',
      'Re-enabled alarm “API 5xx” (Dana)',
    ])
  })

  it('refuses to re-enable an alarm the log never silenced', () => {
    expect(() => fold(ev(2, { type: 'alarm.reenabled', alarmId: 'nope' }))).toThrow('No alarm nope')
  })
})

describe('temporary measures', () => {
  const started = ev(1, {
    type: 'measure.started',
    measureId: 'm1',
    kind: 'flag-off',
    what: 'search-v2',
    undoPlan: 'Turn it on for 10%, then 100%',
    backupConfirmed: false,
  })
  it('undoes partly, then fully, keeping every step', () => {
    const partly = ev(10, {
      type: 'measure.undone',
      measureId: 'm1',
      note: 're-enabled for 10% of traffic',
      full: false,
    })
    const fully = ev(20, { type: 'measure.undone', measureId: 'm1', note: '', full: true })
    const mid = fold(started, partly)
    expect(mid.measures[0]).toMatchObject({ undoneAt: null, keptReason: null })
    expect(mid.measures[0]?.undos).toHaveLength(1)
    const done = fold(started, partly, fully)
    expect(done.measures[0]).toMatchObject({ undoneAt: at(20) })
    expect(done.measures[0]?.undos.map((u) => u.full)).toEqual([false, true])
    expect(lines([started, partly, fully])).toEqual([
      'Temporary measure: feature flag off: search-v2 (Dana). Undo plan: Turn it on for 10%, then 100%',
      'Partly undid feature flag off: search-v2: re-enabled for 10% of traffic (Dana)',
      'Undid feature flag off: search-v2 (Dana)',
    ])
  })

  it('can be kept on purpose with a reason', () => {
    const kept = ev(5, { type: 'measure.kept', measureId: 'm1', reason: 'Rate limit stays' })
    expect(fold(started, kept).measures[0]?.keptReason).toBe('Rate limit stays')
    expect(lines([started, kept])[1]).toBe(
      'Kept feature flag off: search-v2 on purpose: Rate limit stays (Dana)',
    )
  })
})

describe('third parties and follow-ups', () => {
  it('records contact, then their reference and answer', () => {
    const contacted = ev(1, {
      type: 'party.contacted',
      partyId: 'p1',
      who: 'Cloudflare',
      channel: 'support ticket',
      reference: '',
    })
    const answered = ev(9, {
      type: 'party.updated',
      partyId: 'p1',
      reference: 'CF-123',
      answer: 'Known issue in FRA',
    })
    expect(fold(contacted, answered).parties[0]).toMatchObject({
      who: 'Cloudflare',
      channel: 'support ticket',
      contactedAt: at(1),
      reference: 'CF-123',
      answer: 'Known issue in FRA',
    })
    expect(lines([contacted, answered])).toEqual([
      'Contacted Cloudflare via support ticket (Dana)',
      'Cloudflare: reference CF-123; answer: Known issue in FRA (Dana)',
    ])
  })

  it('adds a critical follow-up and marks it done', () => {
    const added = ev(1, {
      type: 'followup.added',
      followupId: 'f1',
      title: 'Add a circuit breaker',
      url: 'https://github.com/o/r/issues/1',
      critical: true,
    })
    const done = ev(2, { type: 'followup.updated', followupId: 'f1', done: true })
    expect(fold(added).followups[0]).toMatchObject({ critical: true, done: false })
    expect(fold(added, done).followups[0]).toMatchObject({ critical: true, done: true })
    expect(lines([added, done])).toEqual([
      'Follow-up issue (critical): Add a circuit breaker (Dana)',
      'Follow-up “Add a circuit breaker” done (Dana)',
    ])
  })
})

describe('linked runbook', () => {
  it('copies the steps and ticks them one by one on the timeline', () => {
    const linked = ev(1, {
      type: 'runbook.linked',
      runbookId: 'api',
      title: 'API down',
      url: null,
      steps: ['Check the load balancer', 'Roll back'],
    })
    const ticked = ev(2, { type: 'runbook.step-checked', step: 1, done: true })
    expect(fold(linked, ticked).runbook?.steps).toEqual([
      { text: 'Check the load balancer', done: false },
      { text: 'Roll back', done: true },
    ])
    expect(lines([linked, ticked])).toEqual([
      'Linked runbook “API down” (Dana)',
      'Done: runbook step “Roll back” (Dana)',
    ])
    expect(() => fold(ticked)).toThrow('No runbook step')
  })
})
