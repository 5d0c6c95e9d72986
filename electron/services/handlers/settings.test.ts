import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { FakeDesktop } from '../../testing/fake-desktop'
import { tempDir, testHost } from '../../testing/fixtures'
import { SETTINGS_FILE } from '../host'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const clock = () => new ManualClock(new Date('2026-11-23T14:00:00Z'))
const savedFile = () => readFileSync(join(dir, SETTINGS_FILE), 'utf8')

describe('settings:update', () => {
  it('saves each section, merges partial changes, and keeps them across a restart', async () => {
    const { host } = testHost(dir)
    const result = await host.call('settings:update', {
      you: {
        name: 'Dana',
        chatHandle: '@dana',
        timeZone: 'Europe/Berlin',
        workingHours: { start: '08:30', days: [1, 2, 3, 4] },
      },
      appearance: { theme: 'dark' },
      notifications: { onlySeverity1OutsideWorkingHours: false },
      firstRun: { completed: true },
    })
    expect(result.ok).toBe(true)
    host.close()
    const again = testHost(dir).host.settings()
    expect(again.you).toEqual({
      name: 'Dana',
      chatHandle: '@dana',
      timeZone: 'Europe/Berlin',
      workingHours: { start: '08:30', end: '17:00', days: [1, 2, 3, 4] },
    })
    expect(again.appearance.theme).toBe('dark')
    expect(again.notifications.onlySeverity1OutsideWorkingHours).toBe(false)
    expect(again.firstRun).toEqual({ completed: true, skipped: false })
  })

  it('refuses working hours that end before they start, and changes nothing else', async () => {
    const { host } = testHost(dir)
    await host.call('settings:update', { you: { name: 'Dana' } })
    const before = savedFile()
    const result = await host.call('settings:update', {
      you: { name: 'Someone else', workingHours: { start: '18:00', end: '09:00' } },
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-settings',
        message: 'Working hours must end after they start (for example 09:00 to 17:00).',
      },
    })
    // Only the end, against the saved start, is checked too.
    const endOnly = await host.call('settings:update', { you: { workingHours: { end: '08:00' } } })
    expect(endOnly.ok).toBe(false)
    expect(savedFile()).toBe(before)
    expect(host.settings().you.name).toBe('Dana')
  })

  it('refuses an unknown time zone with a message that shows the expected form', async () => {
    const { host } = testHost(dir)
    const result = await host.call('settings:update', { you: { timeZone: 'Mars/Olympus_Mons' } })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message).toBe(
      'Unknown time zone "Mars/Olympus_Mons". Use an IANA name like Europe/Berlin, America/New_York or UTC.',
    )
    expect(host.settings().you.timeZone).toBe('')
  })

  it('refuses a shortcut the OS refuses and keeps the working one registered', async () => {
    const desktop = new FakeDesktop(['Ctrl+Shift+P'])
    const { host } = testHost(dir, clock(), desktop)
    expect(desktop.registered).toEqual({
      record: 'CmdOrCtrl+Shift+I',
      showWindow: 'CmdOrCtrl+Alt+I',
      quickNote: 'CmdOrCtrl+Shift+N',
    })
    const result = await host.call('settings:update', {
      shortcuts: { record: 'Control+Shift+P' },
      you: { name: 'Dana' },
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'shortcut-taken',
        message:
          'Ctrl+Shift+P ("Record incident") is already taken by another app or by the system. Choose another shortcut.',
      },
    })
    expect(host.settings().shortcuts.record).toBe('CmdOrCtrl+Shift+I')
    expect(host.settings().you.name).toBe('')
    expect(desktop.registered.record).toBe('CmdOrCtrl+Shift+I')

    const fine = await host.call('settings:update', { shortcuts: { record: 'CmdOrCtrl+Alt+R' } })
    expect(fine.ok).toBe(true)
    expect(desktop.registered.record).toBe('CmdOrCtrl+Alt+R')
  })

  it('refuses one shortcut for two actions, however it is spelled', async () => {
    const { host, desktop } = testHost(dir)
    const result = await host.call('settings:update', {
      shortcuts: { showWindow: 'Shift+CommandOrControl+I' },
    })
    expect(!result.ok && result.error).toEqual({
      code: 'shortcut-shared',
      message:
        'Shift+CommandOrControl+I is already the shortcut for "Record incident". Choose another shortcut for "Show the scratchpad".',
    })
    expect(desktop.registered.showWindow).toBe('CmdOrCtrl+Alt+I')
  })

  it('tells at start which saved shortcut another app holds', () => {
    const { host } = testHost(dir, clock(), new FakeDesktop(['CmdOrCtrl+Shift+I']))
    expect(host.snapshot().notices.map((n) => n.message)).toEqual([
      'Ctrl+Shift+I ("Record incident") is already taken by another app or by the system. Choose another shortcut. (Settings → Global shortcuts)',
    ])
  })

  it('turns open at login on and off through the desktop port', async () => {
    const { host, desktop } = testHost(dir)
    await host.call('settings:update', { openAtLogin: true })
    expect(desktop.openAtLogin).toBe(true)
    await host.call('settings:update', { openAtLogin: false })
    expect(desktop.openAtLogin).toBe(false)
  })
})

describe('data folder', () => {
  it('gives the path and opens it in the file manager', async () => {
    const { host, desktop } = testHost(dir)
    expect(await host.call('dataFolder:get', undefined)).toEqual({ ok: true, value: { path: dir } })
    await host.call('dataFolder:open', undefined)
    expect(desktop.openedFolders).toEqual([dir])
  })

  it('says where the folder is when it cannot be opened', async () => {
    const desktop = new FakeDesktop()
    desktop.openFolder = () => Promise.resolve('No application is registered for folders')
    const { host } = testHost(dir, clock(), desktop)
    const result = await host.call('dataFolder:open', undefined)
    expect(!result.ok && result.error.message).toBe(
      `The data folder could not be opened (No application is registered for folders). It is at ${dir}.`,
    )
  })
})

describe('a partial change', () => {
  it('keeps every field it does not name, in every section', async () => {
    const { host } = testHost(dir)
    await host.call('settings:update', {
      you: { name: 'Dana', chatHandle: '@dana', timeZone: 'Europe/Berlin' },
      cadence: { '1': 30, '2': 720 },
      shortcuts: { showWindow: 'CmdOrCtrl+Alt+O' },
    })
    await host.call('settings:update', { you: { workingHours: { start: '08:00' } } })
    await host.call('settings:update', { cadence: { '3': 600 } })
    await host.call('settings:update', { shortcuts: { record: 'CmdOrCtrl+Alt+R' } })
    const saved = host.settings()
    expect(saved.you).toEqual({
      name: 'Dana',
      chatHandle: '@dana',
      timeZone: 'Europe/Berlin',
      workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    })
    expect(saved.cadence).toEqual({ '1': 30, '2': 720, '3': 600, '4': 1440 })
    expect(saved.shortcuts).toEqual({
      record: 'CmdOrCtrl+Alt+R',
      showWindow: 'CmdOrCtrl+Alt+O',
      quickNote: 'CmdOrCtrl+Shift+N',
    })
  })
})
