import { describe, expect, it } from 'vitest'
import { Cadence, MINUTE, Reminders } from '../comms/cadence'
import type { IncidentSummary } from '../incident'
import { trayModel } from './tray-model'

const settings = { cadence: Cadence.parse({}), reminders: Reminders.parse({}) }
const T0 = Date.parse('2026-11-23T14:00:00Z')
const incident = (over: Partial<IncidentSummary> = {}): IncidentSummary => ({
  id: 'inc-1',
  title: 'API down',
  severity: 1,
  scale: 'openverse',
  status: 'pending',
  active: true,
  recorder: 'Dana',
  lead: null,
  area: 'API',
  recordedAt: new Date(T0).toISOString(),
  updatedAt: new Date(T0).toISOString(),
  lastUpdateAt: null,
  snoozedUntil: null,
  ...over,
})

describe('tray model', () => {
  it('is idle with no active incident, and still offers recording', () => {
    const model = trayModel([incident({ status: 'resolved', active: false })], settings, T0)
    expect(model).toMatchObject({
      state: 'idle',
      title: '',
      tooltip: 'Incident Tray: no active incidents',
    })
    // No quick note without an incident to write it to.
    expect(model.items.map((i) => i.kind)).toEqual([
      'record',
      'open',
      'settings',
      'separator',
      'quit',
    ])
  })

  it('is active while the next update is not yet due', () => {
    const model = trayModel([incident()], settings, T0 + 48 * MINUTE)
    expect(model.state).toBe('active')
    expect(model.title).toBe('12 min')
    expect(model.tooltip).toBe(
      'Incident Tray: 1 active incident · next update due 15:00 (in 12 min)',
    )
    // A dashboard: the incident first, then what can be done.
    expect(model.items).toEqual([
      {
        kind: 'incident',
        id: 'inc-1',
        label: 'Severity 1 · Stabilization pending · API down — update due in 12 min',
      },
      { kind: 'separator' },
      { kind: 'record', label: 'Record incident…' },
      { kind: 'quicknote', label: 'Quick note…' },
      { kind: 'open', label: 'Open Incident Tray' },
      { kind: 'settings', label: 'Settings…' },
      { kind: 'separator' },
      { kind: 'quit', label: 'Quit Incident Tray' },
    ])
  })

  it('is due soon within the warning window', () => {
    expect(trayModel([incident()], settings, T0 + 51 * MINUTE).state).toBe('due-soon')
  })

  it('is overdue when any incident is overdue, and lists the most urgent first', () => {
    const calm = incident({ id: 'inc-2', title: 'Staging down', severity: 3 })
    const model = trayModel([calm, incident()], settings, T0 + 65 * MINUTE)
    expect(model.state).toBe('overdue')
    expect(model.title).toBe('−5 min')
    expect(model.tooltip).toBe('Incident Tray: 2 active incidents · update overdue by 5 min')
    const labels = model.items
      .filter((i) => i.kind === 'incident')
      .map((i) => ('label' in i ? i.label : ''))
    expect(labels).toEqual([
      'Severity 1 · Stabilization pending · API down — overdue by 5 min',
      'Severity 3 · Stabilization pending · Staging down — update due in 22 h 55 min',
    ])
  })

  it('a severity change moves the deadline at once', () => {
    const at = T0 + 2 * 60 * MINUTE
    expect(trayModel([incident({ severity: 2 })], settings, at).state).toBe('active')
    expect(trayModel([incident({ severity: 1 })], settings, at).state).toBe('overdue')
  })
})
