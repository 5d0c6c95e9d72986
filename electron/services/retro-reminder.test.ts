import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOUR } from '../domain/comms/cadence'
import { foldIncident, summarize, type Incident } from '../domain/incident'
import { DEFAULT_SETTINGS } from '../domain/settings/settings'
import type { NotificationRequest } from './ports'
import { ManualClock } from './clock'
import { DeadlineLedger } from '../store/deadline-ledger'
import { DeadlineEngine } from './deadlines/engine'
import { retroReminderJob } from './retro-reminder'
import { tempDir } from '../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** Friday 16:00 UTC: one working day later is Monday 16:00. */
const RESOLVED_AT = '2026-11-27T16:00:00.000Z'
/** The pure fold's result is marked Resolved here, without the resolve command's checklist. */
const incident: Incident = {
  ...foldIncident([
    {
      id: 'e1',
      incidentId: 'i1',
      seq: 1,
      at: '2026-11-27T10:00:00.000Z',
      by: 'Sam',
      type: 'incident.recorded',
      title: 'Search down',
      observed: '',
      severity: 1,
      scale: 'openverse',
      detection: 'alert',
      area: '',
      status: 'pending',
    },
  ]),
  status: 'resolved',
}

function reminder(clock: ManualClock, shown: NotificationRequest[], current = () => [incident]) {
  return new DeadlineEngine({
    jobs: [retroReminderJob(() => ({ recurred: false, resolvedAt: RESOLVED_AT }))],
    ledger: new DeadlineLedger(dir),
    source: {
      summaries: () => current().map(summarize),
      summary: (id) =>
        current()
          .map(summarize)
          .find((s) => s.id === id),
      incident: (id) => current().find((i) => i.id === id)!,
    },
    clock,
    notifier: { show: (n) => shown.push(n) },
    settings: () => DEFAULT_SETTINGS,
  })
}

describe('retro reminder', () => {
  it('reminds once, one working day after Resolved, and a restart repeats nothing', () => {
    const clock = new ManualClock(new Date(RESOLVED_AT))
    const shown: NotificationRequest[] = []
    const first = reminder(clock, shown)
    first.evaluate()
    clock.advance(60 * HOUR) // Monday 04:00: the weekend does not count
    expect(shown).toEqual([])
    clock.advance(12 * HOUR)
    expect(shown.map((n) => n.title)).toEqual(['Retrospective due'])
    expect(shown[0]?.incidentId).toBe('i1')
    clock.advance(24 * HOUR)
    expect(shown).toHaveLength(1)
    first.stop()
    const second = reminder(clock, shown)
    second.evaluate()
    expect(shown).toHaveLength(1)
    second.stop()
  })

  it('says nothing once the retro is held or declined', () => {
    const clock = new ManualClock(new Date(RESOLVED_AT))
    const shown: NotificationRequest[] = []
    const held: Incident = {
      ...incident,
      retro: { ...incident.retro, completedAt: RESOLVED_AT, completedBy: 'Dana' },
    }
    const r = reminder(clock, shown, () => [held])
    r.evaluate()
    clock.advance(5 * 24 * HOUR)
    expect(shown).toEqual([])
    r.stop()
  })
})
