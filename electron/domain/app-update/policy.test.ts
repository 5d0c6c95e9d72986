import { describe, expect, it } from 'vitest'
import { Cadence, Reminders } from '../comms/cadence'
import { trayModel } from '../incident/tray-model'
import { updateOffer, type UpdateAction, type UpdateState } from './policy'
import { withUpdateItem } from './tray'

const NOW = Date.parse('2026-11-23T14:00:00Z')
const ready: UpdateState = { kind: 'ready', version: '1.4.0', notes: 'Fixes.' }
const downloading: UpdateState = { kind: 'downloading', version: '1.4.0', percent: 62 }
const idle: UpdateState = { kind: 'idle', checkedAt: NOW - 5 * 60_000 }
const failed: UpdateState = { kind: 'failed', message: 'feed down', retryAt: NOW + 30 * 60_000 }
const off: UpdateState = { kind: 'off', reason: 'package-manager' }

describe('update policy: ready × incidents active × action → what is offered', () => {
  // Every combination, read as a table: [state, active incidents, action] → [tray, notice, outcome, on quit].
  const table: [
    UpdateState,
    number,
    UpdateAction,
    string | null,
    string | null,
    string,
    boolean,
  ][] = [
    [ready, 0, 'none', 'update-restart', 'restart', 'none', true],
    [ready, 0, 'install', 'update-restart', 'restart', 'install', true],
    [ready, 1, 'none', 'update-waiting', 'wait', 'none', false],
    [ready, 2, 'install', 'update-waiting', 'wait', 'refused', false],
    [ready, 1, 'check', 'update-waiting', 'wait', 'none', false],
    [downloading, 0, 'install', 'update-check', null, 'refused', false],
    [downloading, 0, 'check', 'update-check', null, 'none', false],
    [idle, 0, 'check', 'update-check', null, 'check', false],
    [idle, 3, 'check', 'update-check', null, 'check', false],
    [failed, 0, 'check', 'update-check', null, 'check', false],
    [off, 0, 'check', null, null, 'refused', false],
    [off, 0, 'install', null, null, 'refused', false],
  ]
  it.each(table)(
    '%j with %i active, %s',
    (state, active, action, tray, notice, outcome, onQuit) => {
      const offer = updateOffer(state, active, NOW, action)
      expect(offer.tray?.kind ?? null).toBe(tray)
      expect(offer.notice?.kind ?? null).toBe(notice)
      expect(offer.outcome.kind).toBe(outcome)
      expect(offer.installOnQuit).toBe(onQuit)
    },
  )

  it('says in words why an install waits, with the version', () => {
    const offer = updateOffer(ready, 1, NOW, 'install')
    expect(offer.notice?.text).toBe('Update 1.4.0 ready — it will wait until no incident is active')
    expect(offer.outcome).toEqual({
      kind: 'refused',
      message: 'Update 1.4.0 ready — it will wait until no incident is active (1 active now).',
    })
    expect(updateOffer(ready, 0, NOW).tray?.label).toBe('Restart to update to 1.4.0')
  })

  it('shows progress, the last check and the retry in Settings → About', () => {
    expect(updateOffer(downloading, 0, NOW).status).toBe('Downloading 1.4.0… 62%')
    expect(updateOffer(idle, 0, NOW).status).toBe('Up to date (checked 5 min ago).')
    expect(updateOffer(failed, 0, NOW).status).toBe(
      'Could not update (feed down). Trying again in 30 min.',
    )
    expect(updateOffer({ kind: 'failed', message: 'feed down' }, 0, NOW).status).toBe(
      'Could not update (feed down).',
    )
    expect(updateOffer(off, 0, NOW).status).toMatch(/package manager/)
    expect(updateOffer({ kind: 'on-battery', version: '1.4.0' }, 0, NOW).status).toMatch(
      /mains power/,
    )
  })
})

describe('the tray with the update item', () => {
  const settings = {
    cadence: Cadence.parse({}),
    reminders: Reminders.parse({}),
    you: { timeZone: 'UTC' },
    appearance: { clock: '24h' as const },
  }
  it('goes just above Settings…, and not at all while updates are off', () => {
    const base = trayModel([], settings, NOW)
    const labels = (state: UpdateState, active = 0) =>
      withUpdateItem(base, updateOffer(state, active, NOW)).items.map((i) =>
        'label' in i ? i.label : '—',
      )
    expect(labels(ready)).toEqual([
      'Record incident…',
      'Open from the P2…',
      'Open Incident Tray',
      'Restart to update to 1.4.0',
      'Settings…',
      '—',
      'Quit Incident Tray',
    ])
    expect(labels(idle)).toContain('Check for updates')
    expect(labels(off)).toEqual(base.items.map((i) => ('label' in i ? i.label : '—')))
  })
})
