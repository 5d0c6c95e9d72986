import { itemText } from '../timeline/timeline'
import { describe, expect, it } from 'vitest'
import { applyEvent, foldIncident, type Incident } from '../incident'
import type { IncidentEvent } from '../events'
import { retroProblems, assertCanComplete } from './complete'
import { RetroDraft, emptyDraft, suggestedAttendees } from './draft'
import { addWorkingDays, retroDue } from './due'
import { openActions } from './open-actions'

const at = '2026-11-23T14:00:00.000Z'
let seq = 0
const base = (by = 'Sam') => ({ id: `e${++seq}`, incidentId: 'i1', seq, at, by })
const recorded = (severity: number): IncidentEvent => ({
  ...base(),
  type: 'incident.recorded',
  title: 'Search down',
  observed: '',
  severity,
  scale: 'openverse',
  detection: 'alert',
  area: 'API',
  status: 'pending',
})
/** Tests of the pure fold set the status directly, without the resolve command's checklist. */
const resolved = (incident: Incident): Incident => ({ ...incident, status: 'resolved' })
const settings = { retro: { reminderWorkingDays: 1 } }

const COMPLETE = RetroDraft.parse({
  chains: [
    {
      id: 'c1',
      whys: [{ id: 'w1', question: 'Why?', answer: 'Because.' }],
      rootCause: 'No check.',
    },
  ],
  actions: [{ id: 'a1', title: 'Add a check', owner: 'Dana', type: 'preventative' }],
})

describe('retro due', () => {
  it('is proposed for severity 1 and 2, and due only once Resolved', () => {
    const sev1 = foldIncident([recorded(1)])
    expect(retroDue(sev1, new Date(at), settings)).toMatchObject({ proposed: true, due: false })
    expect(retroDue(resolved(sev1), new Date(at), settings).due).toBe(true)
    const sev3 = resolved(foldIncident([recorded(3)]))
    expect(retroDue(sev3, new Date(at), settings)).toMatchObject({ proposed: false, due: false })
  })

  it('is proposed for any incident that recurred', () => {
    const sev3 = resolved(foldIncident([recorded(3)]))
    const facts = { recurred: true, resolvedAt: at }
    expect(retroDue(sev3, new Date(at), settings, facts)).toMatchObject({ due: true })
  })

  it('follows the user opting in or out, with the reason on the timeline', () => {
    const sev3 = foldIncident([
      recorded(3),
      { ...base('Dana'), type: 'retro.optedIn', reason: 'Third time this month' },
    ])
    const due = retroDue(resolved(sev3), new Date(at), settings)
    expect(due).toMatchObject({ proposed: false, wanted: true, due: true })
    expect(due.reason).toBe('Asked for by Dana: Third time this month')
    expect(itemText(sev3.timeline.at(-1)!)).toBe('Retrospective wanted: Third time this month')
    const out = applyEvent(resolved(foldIncident([recorded(1)])), {
      ...base(),
      type: 'retro.optedOut',
      reason: 'Covered by last week’s review',
    })
    expect(retroDue(out, new Date(at), settings).due).toBe(false)
  })

  it('reminds one working day after Resolved, skipping the weekend', () => {
    const sev1 = resolved(foldIncident([recorded(1)]))
    const friday = '2026-11-27T16:00:00.000Z'
    const due = retroDue(sev1, new Date(friday), settings, { recurred: false, resolvedAt: friday })
    expect(due.remindAt).toBe('2026-11-30T16:00:00.000Z')
    expect(addWorkingDays('2026-11-28T10:00:00.000Z', 1)).toBe('2026-11-30T10:00:00.000Z')
    expect(addWorkingDays('2026-11-23T10:00:00.000Z', 3)).toBe('2026-11-26T10:00:00.000Z')
    expect(addWorkingDays('2026-11-23T10:00:00.000Z', 0)).toBe('2026-11-23T10:00:00.000Z')
  })
})

describe('completing', () => {
  it('names every missing piece, chain by chain and item by item', () => {
    expect(retroProblems(null)).toEqual([
      'Add a 5-whys chain: at least one why with its answer, and the root cause.',
    ])
    const empty = RetroDraft.parse({ chains: [{ id: 'c0', whys: [{ id: 'w0' }] }] })
    expect(retroProblems(empty)).toEqual([
      '5-whys chain 1 needs at least one why with its answer.',
      '5-whys chain 1 needs a root cause.',
    ])
    const draft = RetroDraft.parse({
      chains: [{ id: 'c1', whys: [{ id: 'w1', question: 'Why down?' }] }],
      actions: [
        { id: 'a1', owner: 'Dana', type: 'corrective' },
        { id: 'a2', title: 'Alerts' },
      ],
    })
    expect(retroProblems(draft)).toEqual([
      '5-whys chain 1: why 1 has no answer yet.',
      '5-whys chain 1 needs a root cause.',
      'Action item 1 needs a title.',
      'Action item “Alerts” needs an owner.',
      'Action item “Alerts” needs a type (detective, preventative or corrective).',
    ])
    expect(retroProblems(COMPLETE)).toEqual([])
  })

  it('refuses before Resolved, and moves a Resolved incident to Reviewed', () => {
    const withDraft = foldIncident([
      recorded(1),
      { ...base(), type: 'retro.draftSaved', draft: COMPLETE },
    ])
    expect(() => assertCanComplete(withDraft)).toThrow(
      'Resolve the incident before completing its retrospective.',
    )
    assertCanComplete(resolved(withDraft))
    // The host writes the completion and the move to Reviewed together.
    const done = applyEvent(
      applyEvent(resolved(withDraft), { ...base(), type: 'retro.completed' }),
      { ...base(), type: 'status.changed', from: 'resolved', to: 'reviewed' },
    )
    expect(done.status).toBe('reviewed')
    expect(done.retro.completedAt).toBe(at)
    expect(itemText(done.timeline.at(-2)!)).toBe(
      'Retrospective completed with 1 action item; the incident moves to Reviewed',
    )
    expect(() => assertCanComplete(done)).toThrow('already complete')
  })

  it('keeps drafts off the timeline and the newest draft wins', () => {
    const incident = foldIncident([
      recorded(1),
      { ...base(), type: 'retro.draftSaved', draft: RetroDraft.parse({ failed: 'a' }) },
      { ...base(), type: 'retro.draftSaved', draft: RetroDraft.parse({ failed: 'ab' }) },
    ])
    expect(incident.retro.draft?.failed).toBe('ab')
    expect(incident.timeline).toHaveLength(1)
  })

  it('keeps the last good draft when a hand-edited one in the log is not a draft', () => {
    const incident = foldIncident([
      recorded(1),
      { ...base(), type: 'retro.draftSaved', draft: COMPLETE },
      { ...base(), type: 'retro.draftSaved', draft: { actions: null, failed: 42 } as never },
      { ...base(), type: 'retro.completed' },
    ])
    expect(incident.retro.draft).toEqual(COMPLETE)
    expect(itemText(incident.timeline.at(-1)!)).toBe('Retrospective completed with 1 action item')
  })
})

describe('attendees and action items', () => {
  it('prefills the recorder, the lead and every author once', () => {
    const incident = { recorder: 'Sam', lead: 'Dana', timeline: [{ by: 'Sam' }, { by: 'Alex' }] }
    expect(suggestedAttendees(incident)).toEqual(['Sam', 'Dana', 'Alex'])
    let n = 0
    const draft = emptyDraft(incident, '2026-11-24', () => `id${++n}`)
    expect(draft).toMatchObject({ attendees: ['Sam', 'Dana', 'Alex'], date: '2026-11-24' })
    expect(draft.chains).toHaveLength(1)
  })

  it('lists open items across incidents, overdue marked, done ones left out', () => {
    const draft = RetroDraft.parse({
      actions: [
        { id: 'a1', title: 'Later', due: '2026-12-10' },
        { id: 'a2', title: 'Late', due: '2026-11-20' },
        { id: 'a3', title: 'Done', done: true },
        { id: 'a4', title: '' },
      ],
    })
    const incident = applyEvent(foldIncident([recorded(1)]), {
      ...base(),
      type: 'retro.draftSaved',
      draft,
    })
    const ticked = applyEvent(incident, {
      ...base(),
      type: 'retro.actionDone',
      actionId: 'a1',
      title: 'Later',
      done: true,
    })
    const list = openActions([incident], new Date(at))
    expect(list.map((a) => [a.title, a.overdue])).toEqual([
      ['Late', true],
      ['Later', false],
    ])
    expect(openActions([ticked], new Date(at)).map((a) => a.title)).toEqual(['Late'])
    expect(itemText(ticked.timeline.at(-1)!)).toBe('Action item done: Later')
  })
})
