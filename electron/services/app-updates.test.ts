import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { UpdateState } from '../domain/app-update/policy'
import type { TrayModel } from '../domain/incident/tray-model'
import type { HostPush } from '../shared/ipc-contract'
import { tempDir, testHost, tickAllCommunications } from '../testing/fixtures'
import type { AppUpdater } from './ports'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** An updater the test moves by hand; it records what the host told it. */
class ScriptedUpdater implements AppUpdater {
  current: UpdateState = { kind: 'idle' }
  installs = 0
  checks = 0
  installOnQuit: boolean[] = []
  automatic: boolean[] = []
  private listeners: (() => void)[] = []
  version = () => '0.1.0'
  state = () => this.current
  onChange = (listener: () => void) => void this.listeners.push(listener)
  check = () => void this.checks++
  setAutomatic = (on: boolean) => void this.automatic.push(on)
  setInstallOnQuit = (allowed: boolean) => void this.installOnQuit.push(allowed)
  install = () => void this.installs++
  move(next: UpdateState) {
    this.current = next
    for (const listener of this.listeners) listener()
  }
}

const labels = (tray: TrayModel) => tray.items.map((i) => ('label' in i ? i.label : '—'))
const READY: UpdateState = { kind: 'ready', version: '1.4.0', notes: 'Fixes.' }

describe('the app update on the host', () => {
  it('waits while an incident is active, then offers the restart and installs', async () => {
    const updater = new ScriptedUpdater()
    const trays: TrayModel[] = []
    const { host } = testHost(dir, undefined, undefined, undefined, undefined, undefined, {
      updater,
      onTray: (model) => trays.push(model),
    })
    const pushes: HostPush[] = []
    host.onPush((push) => pushes.push(push))
    const recorded = await host.call('incident:record', {
      title: 'Search down',
      severity: 2,
      detection: 'alert',
      status: 'stabilized',
    })
    if (!recorded.ok) throw new Error(recorded.error.message)
    const id = recorded.value.id

    updater.move(READY)
    expect(pushes.at(-1)).toMatchObject({
      channel: 'appUpdate:changed',
      payload: { notice: { kind: 'wait' }, notes: 'Fixes.' },
    })
    expect(labels(trays.at(-1)!)).toContain(
      'Update 1.4.0 ready — it will wait until no incident is active',
    )
    expect(await host.call('appUpdate:install', undefined)).toMatchObject({
      ok: false,
      error: { code: 'update-waits' },
    })
    expect(updater.installs).toBe(0)
    expect(updater.installOnQuit.at(-1)).toBe(false)

    await tickAllCommunications(host, id)
    const moved = await host.call('incident:move', { id, to: 'resolved', summary: 'Fixed' })
    expect(moved.ok).toBe(true)
    expect(updater.installOnQuit.at(-1)).toBe(true)
    expect(labels(host.tray())).toContain('Restart to update to 1.4.0')
    expect(await host.call('appUpdate:install', undefined)).toMatchObject({ ok: true })
    expect(updater.installs).toBe(1)
    host.close()
  })

  it('checks on demand, and follows the automatic-check setting', async () => {
    const updater = new ScriptedUpdater()
    const { host } = testHost(dir, undefined, undefined, undefined, undefined, undefined, {
      updater,
    })
    expect(updater.automatic).toEqual([true])
    expect(await host.call('appUpdate:check', undefined)).toMatchObject({ ok: true })
    expect(updater.checks).toBe(1)
    await host.call('settings:update', { updates: { checkAutomatically: false } })
    expect(updater.automatic).toEqual([true, false])
    expect(host.settings().updates.checkAutomatically).toBe(false)
    host.close()
  })

  it('says it does not update itself without an updater, and refuses to check', async () => {
    const { host } = testHost(dir)
    const view = await host.call('appUpdate:get', undefined)
    expect(view).toMatchObject({ ok: true, value: { state: { kind: 'off' }, notice: null } })
    expect(await host.call('appUpdate:check', undefined)).toMatchObject({ ok: false })
    expect(labels(host.tray())).not.toContain('Check for updates')
    host.close()
  })
})
