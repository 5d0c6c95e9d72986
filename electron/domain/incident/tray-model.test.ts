import { describe, expect, it } from 'vitest'
import { Cadence, HOUR, MINUTE, Reminders, updateDue } from '../comms/cadence'
import type { IncidentSummary } from '../incident'
import { trayModel, type TraySettings } from './tray-model'

// The zone and clock are named here, so the text below reads the same on any machine.
const settings: TraySettings = {
  cadence: Cadence.parse({}),
  reminders: Reminders.parse({}),
  you: { timeZone: 'UTC' },
  appearance: { clock: '24h' },
}
const LA = { ...settings, you: { timeZone: 'America/Los_Angeles' } }
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
      'open-from-p2',
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
      { kind: 'open-from-p2', label: 'Open from the P2…' },
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

describe("tray times in the user's zone and clock", () => {
  it("shows the deadline in the zone and clock of the settings, not the machine's", () => {
    const at = T0 + 48 * MINUTE
    const kolkata = { ...settings, you: { timeZone: 'Asia/Kolkata' } }
    expect(trayModel([incident()], kolkata, at).tooltip).toBe(
      'Incident Tray: 1 active incident · next update due 20:30 (in 12 min)',
    )
    const twelve: TraySettings = { ...LA, appearance: { clock: '12h' } }
    expect(trayModel([incident()], twelve, at).tooltip).toBe(
      'Incident Tray: 1 active incident · next update due 7:00 AM (in 12 min)',
    )
  })

  it('names the day of a deadline that is not today in that zone', () => {
    const daily = incident({ severity: 2 })
    expect(trayModel([daily], LA, T0 + HOUR).tooltip).toBe(
      'Incident Tray: 1 active incident · next update due Tue 2026-11-24 06:00 (in 23 h)',
    )
  })
})

describe('a countdown across the daylight-saving changes in Los Angeles', () => {
  const at = (iso: string) => Date.parse(iso)
  const dueOf = (i: IncidentSummary) =>
    new Date(updateDue(i, settings.cadence, settings.reminders).dueAt).toISOString()

  it('March: an hourly update recorded at 01:30 PST is due at 03:30 PDT, an hour later', () => {
    // 2026-03-08 02:00 PST becomes 03:00 PDT.
    const hourly = incident({ recordedAt: '2026-03-08T09:30:00.000Z' })
    expect(dueOf(hourly)).toBe('2026-03-08T10:30:00.000Z')
    expect(trayModel([hourly], LA, at('2026-03-08T09:50:00Z')).tooltip).toBe(
      'Incident Tray: 1 active incident · next update due 03:30 (in 40 min)',
    )
  })

  it('March: a daily update is due 24 hours later, at 11:00 by the clock, not 10:00', () => {
    const daily = incident({ severity: 2, recordedAt: '2026-03-07T18:00:00.000Z' })
    expect(dueOf(daily)).toBe('2026-03-08T18:00:00.000Z')
    expect(trayModel([daily], LA, at('2026-03-08T08:00:00Z')).tooltip).toBe(
      'Incident Tray: 1 active incident · next update due 11:00 (in 10 h)',
    )
  })

  it('November: an hourly update recorded at 01:30 PDT is due at the second 01:30 (PST)', () => {
    // 2026-11-01 02:00 PDT falls back to 01:00 PST.
    const hourly = incident({ recordedAt: '2026-11-01T08:30:00.000Z' })
    expect(dueOf(hourly)).toBe('2026-11-01T09:30:00.000Z')
    const model = trayModel([hourly], LA, at('2026-11-01T08:40:00Z'))
    expect(model.tooltip).toBe(
      'Incident Tray: 1 active incident · next update due 01:30 (in 50 min)',
    )
    expect(trayModel([hourly], LA, at('2026-11-01T09:35:00Z')).title).toBe('−5 min')
  })

  it('November: a daily update is due 24 hours later, at 09:00 by the clock, not 10:00', () => {
    const daily = incident({ severity: 2, recordedAt: '2026-10-31T17:00:00.000Z' })
    expect(dueOf(daily)).toBe('2026-11-01T17:00:00.000Z')
    expect(trayModel([daily], LA, at('2026-11-01T07:00:00Z')).tooltip).toBe(
      'Incident Tray: 1 active incident · next update due 09:00 (in 10 h)',
    )
  })
})
