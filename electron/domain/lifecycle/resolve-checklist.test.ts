import { describe, expect, it } from 'vitest'
import { UserError } from '../incident/errors'
import type { Measure, SilencedAlarm } from '../mitigation/mitigation'
import { assertCanResolve, resolveChecklist } from './resolve-checklist'

const alarm = (name: string, reenabledAt: string | null = null): SilencedAlarm => ({
  id: name,
  name,
  link: null,
  silencedAt: '2026-11-23T14:00:00Z',
  silencedBy: 'Dana',
  reenabledAt,
  reenabledBy: reenabledAt ? 'Dana' : null,
})
const measure = (what: string, patch: Partial<Measure> = {}): Measure => ({
  id: what,
  kind: 'flag-off',
  what,
  undoPlan: 'turn it on',
  backupConfirmed: false,
  startedAt: '2026-11-23T14:00:00Z',
  startedBy: 'Dana',
  undos: [],
  undoneAt: null,
  keptReason: null,
  ...patch,
})
const clear = { alarms: [], measures: [], solutionSummary: 'Rolled back the deploy' }

describe('resolve checklist', () => {
  it('is empty when everything is done and a summary exists', () => {
    expect(resolveChecklist(clear)).toEqual([])
    expect(assertCanResolve(clear)).toEqual([])
  })

  it('lists silenced alarms, open measures, open communication and a missing summary', () => {
    const items = resolveChecklist(
      {
        alarms: [alarm('API 5xx'), alarm('Old', '2026-11-23T15:00:00Z')],
        measures: [
          measure('search-v2', { undos: [{ at: '', by: '', note: '10%', full: false }] }),
          measure('done', { undoneAt: '2026-11-23T15:00:00Z' }),
          measure('kept', { keptReason: 'stays' }),
        ],
        solutionSummary: '  ',
      },
      { communicationItemsOpen: [{ id: 'slack-unpinned', label: 'Unpin the Slack thread' }] },
    )
    expect(items.map((i) => [i.kind, i.label])).toEqual([
      ['alarm', 'API 5xx'],
      ['measure', 'feature flag off: search-v2'],
      ['communication', 'Unpin the Slack thread'],
      ['summary', 'solution summary'],
    ])
    expect(items[1]?.text).toContain('(partly undone)')
  })

  it('blocks with a message that names what is open and how to get through', () => {
    const incident = {
      ...clear,
      alarms: [alarm('API 5xx'), alarm('DB CPU')],
      measures: [measure('search-v2')],
    }
    expect(() => assertCanResolve(incident)).toThrow(UserError)
    expect(() => assertCanResolve(incident)).toThrow(
      "Can't resolve yet: 2 alarms still silenced (API 5xx, DB CPU); 1 measure not undone (feature flag off: search-v2). Re-enable them, or resolve anyway with a reason.",
    )
    expect(() => assertCanResolve(incident, { reason: '   ' })).toThrow('resolve anyway')
  })

  it('asks for a summary alone when only the summary is missing', () => {
    expect(() => assertCanResolve({ alarms: [], measures: [], solutionSummary: null })).toThrow(
      "Can't resolve yet: no solution summary. Write one, or resolve anyway with a reason.",
    )
  })

  it('lets an override with a reason through and returns what was outstanding', () => {
    const outstanding = assertCanResolve(
      { ...clear, alarms: [alarm('API 5xx')] },
      { reason: 'Alarm is owned by infra' },
    )
    expect(outstanding).toEqual(['Alarm “API 5xx” is still silenced: re-enable it.'])
  })
})
