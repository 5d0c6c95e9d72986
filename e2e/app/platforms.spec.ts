/**
 * Where Electron behaves differently per OS, the built app on the stand-in's model of each
 * (e2e/electron-standin/platform.ts): one describe per platform that differs, not four copies.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { fakeWordPress } from '../../electron/testing/fake-wordpress'
import type { BuiltApp, LaunchBuiltAppOptions } from '../electron-standin/launch'
import type { StandinPlatform } from '../electron-standin/platform'
import { expect, test } from './fixtures'
import { call, fillRecord, incidentIds, MIN, skipSetup } from './helpers'

const PKG = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  desktopName?: string
}

type Launch = (options?: LaunchBuiltAppOptions) => Promise<BuiltApp>

/** Starts on `platform`, skips the setup and records one incident from the tray. */
async function recordOn(launch: Launch, options: LaunchBuiltAppOptions, title: string) {
  const app = await launch(options)
  const page = await app.window()
  await skipSetup(page)
  await app.tray.click('Record incident…')
  await fillRecord(page, title, 1)
  await expect(page.getByRole('region', { name: title })).toBeVisible()
  return { app, page, id: incidentIds(app.dataDir)[0]! }
}

const visibleHashes = async (app: BuiltApp) =>
  (await app.state()).windows.filter((w) => w.visible).map((w) => new URL(w.url).hash)

for (const platform of ['linux-x11', 'darwin', 'win32'] satisfies StandinPlatform[]) {
  test.describe(`publishing on ${platform}`, () => {
    test('Connect keeps the password through safeStorage', async ({ launchBuiltApp }) => {
      const wp = await fakeWordPress()
      try {
        const app = await launchBuiltApp({ platform })
        const page = await app.window()
        await skipSetup(page)
        await page.keyboard.press('Control+,')
        const settings = page.getByRole('dialog', { name: 'Settings' })
        await settings.getByRole('navigation').getByRole('button', { name: 'Publishing' }).click()
        await settings.getByLabel('Site address').fill(wp.url)
        await settings.getByLabel('User name').fill('oncall')
        await settings.getByLabel('Application password').fill('Qw3r Ty5u Io7p As9d Fg2h Jk4l')
        await settings.getByRole('button', { name: 'Connect', exact: true }).click()
        await expect(settings.getByRole('status')).toContainText('Connected to Fake P2 as oncall')
        const secrets = JSON.parse(readFileSync(join(app.dataDir, 'secrets.json'), 'utf8'))
        expect(secrets).toHaveProperty('publishing-credential')
      } finally {
        await wp.close()
      }
    })
  })
}

for (const platform of [
  'linux-x11',
  'linux-wayland',
  'darwin',
  'win32',
] satisfies StandinPlatform[]) {
  test.describe(`reminders on ${platform}`, () => {
    test('a reminder is shown, and clicking it later opens its incident', async ({
      launchBuiltApp,
    }) => {
      const { app, page } = await recordOn(launchBuiltApp, { platform }, 'Openverse.org is down')
      await app.clock.advance(50 * MIN)
      const shown = (await app.state()).notifications
      const reminder = shown.findIndex((n) => n.title === 'Status update due in 10 min')
      expect(reminder).toBeGreaterThanOrEqual(0)
      // Windows drops a toast whose AppUserModelID has no Start Menu shortcut.
      expect(shown[reminder]?.delivered).toBe(true)
      await page.keyboard.press('Control+N')
      await fillRecord(page, 'Thumbnails are slow', 3)
      await app.closeWindow(page)
      // Clicked some time later: by then nothing but the app keeps the notification alive.
      await app.notifications.click(reminder)
      await expect(page.getByRole('region', { name: 'Openverse.org is down' })).toBeVisible()
    })
  })
}

test.describe('notifications on win32', () => {
  test('a toast left in Action Center by an earlier run opens the window', async ({
    launchBuiltApp,
  }) => {
    const app = await launchBuiltApp({ platform: 'win32' })
    const page = await app.window()
    await skipSetup(page)
    await app.closeWindow(page)
    expect(await visibleHashes(app)).toEqual([])
    await app.notifications.clickStored()
    await expect.poll(() => visibleHashes(app)).toEqual([''])
  })
})

test.describe('notifications on an unsigned macOS build', () => {
  test('a notification that failed is said in the window', async ({ launchBuiltApp }) => {
    const { app, page } = await recordOn(
      launchBuiltApp,
      { platform: 'darwin', unsigned: true },
      'Openverse.org is down',
    )
    await app.clock.advance(50 * MIN)
    expect((await app.state()).notifications[0]?.failed).toBeTruthy()
    await expect(
      page.getByRole('status').filter({ hasText: 'could not show a notification' }),
    ).toBeVisible()
  })
})

test.describe('the tray on darwin', () => {
  test('choosing Quick note… in the menu opens the quick note only', async ({ launchBuiltApp }) => {
    const { app, page } = await recordOn(
      launchBuiltApp,
      { platform: 'darwin' },
      'Openverse.org is down',
    )
    await app.closeWindow(page)
    await app.tray.click('Quick note…')
    await app.window('quick-note')
    expect(await visibleHashes(app)).toEqual(['#quick-note'])
  })
})

test.describe('the tray icon on darwin', () => {
  test('a template in the menu bar colour when calm, in colour when the update is overdue', async ({
    launchBuiltApp,
  }) => {
    const { app } = await recordOn(launchBuiltApp, { platform: 'darwin' }, 'Openverse.org is down')
    expect((await app.state()).tray).toMatchObject({ monochrome: true, title: '1 h' })
    await app.clock.advance(61 * MIN)
    const tray = (await app.state()).tray!
    expect(tray.image).toMatch(/tray-overdue\.png$/)
    expect(tray).toMatchObject({ monochrome: false, title: '−1 min' })
  })
})

for (const platform of ['linux-x11', 'win32'] satisfies StandinPlatform[]) {
  test.describe(`the tray on ${platform}`, () => {
    test('a click on the icon opens the window', async ({ launchBuiltApp }) => {
      const { app, page } = await recordOn(launchBuiltApp, { platform }, 'Openverse.org is down')
      await app.closeWindow(page)
      expect(await visibleHashes(app)).toEqual([])
      await app.tray.activate()
      await expect.poll(() => visibleHashes(app)).toEqual([''])
    })
  })
}

for (const platform of ['linux-x11', 'linux-wayland'] satisfies StandinPlatform[]) {
  test.describe(`the tray on ${platform}`, () => {
    test('an open menu stays open while notes are added in the same minute', async ({
      launchBuiltApp,
    }) => {
      const { app, page, id } = await recordOn(
        launchBuiltApp,
        { platform },
        'Openverse.org is down',
      )
      await app.tray.openMenu()
      const before = (await app.state()).tray!
      for (const text of ['Restarted the API', 'Cleared the cache', 'Still 500s'])
        expect(
          (await call(page, 'timeline:add', { incidentId: id, entry: { kind: 'note', text } })).ok,
        ).toBe(true)
      await expect(page.getByText('Still 500s', { exact: true })).toBeVisible()
      const after = (await app.state()).tray!
      expect(after.menuOpen).toBe(true)
      expect(after.menuSets).toBe(before.menuSets)
      // The countdown's text moves on the next minute: then the menu is set again.
      await app.clock.advance(MIN)
      const labels = (await app.state()).tray!.menu.map((i) => i.label)
      expect(labels.find((l) => l.includes('Openverse.org is down'))).toContain(
        'update due in 59 min',
      )
    })
  })
}

test.describe('windows on linux-wayland', () => {
  test('the quick note, opened without the focus, can be found and closed like any window', async ({
    launchBuiltApp,
  }) => {
    const app = await launchBuiltApp({
      platform: 'linux-wayland',
      installedDesktopFiles: [PKG.desktopName ?? 'missing.desktop'],
    })
    const page = await app.window()
    await skipSetup(page)
    await app.tray.click('Record incident…')
    await fillRecord(page, 'Openverse.org is down', 1)
    await app.closeWindow(page)
    await app.shortcuts.press('CmdOrCtrl+Shift+N')
    await app.window('quick-note')
    const box = (await app.state()).windows.find((w) => w.url.endsWith('#quick-note'))!
    // The compositor gave it no focus, so no blur will ever close it: it must be findable.
    expect(box).toMatchObject({
      visible: true,
      focused: false,
      chrome: { frame: true, skipTaskbar: false },
    })
    expect(box.bounds).toMatchObject({ x: 0, y: 0 })
  })
})

test.describe('screen capture on darwin', () => {
  test('the first Screenshot… makes macOS ask for Screen Recording, then says where to allow it', async ({
    launchBuiltApp,
  }) => {
    const { app, page } = await recordOn(
      launchBuiltApp,
      { platform: 'darwin' },
      'Thumbnails are broken',
    )
    await page.getByRole('button', { name: 'Screenshot…' }).click()
    await expect(page.getByText(/Privacy & Security > Screen Recording/)).toBeVisible()
    expect((await app.state()).capture.permissionPrompts).toBe(1)
  })

  test('with the permission, the screenshot is taken', async ({ launchBuiltApp }) => {
    const { app, page, id } = await recordOn(
      launchBuiltApp,
      { platform: 'darwin', screenAccess: 'granted' },
      'Thumbnails are broken',
    )
    await page.getByRole('button', { name: 'Screenshot…' }).click()
    const menu = page.getByRole('menu', { name: 'Capture' })
    await menu.getByRole('menuitem', { name: /Entire screen/ }).click()
    await expect(page.getByText('Screenshot added to the timeline.')).toBeVisible()
    expect(readdirSync(join(app.dataDir, 'incidents', id, 'attachments'))).toHaveLength(1)
    expect((await app.state()).capture.calls).toBe(1)
  })
})

test.describe('screen capture on linux-wayland', () => {
  test('one pick in the portal dialog is the screenshot', async ({ launchBuiltApp }) => {
    const { app, page, id } = await recordOn(
      launchBuiltApp,
      { platform: 'linux-wayland' },
      'Thumbnails are broken',
    )
    await page.getByRole('button', { name: 'Screenshot…' }).click()
    const menu = page.getByRole('menu', { name: 'Capture' })
    await menu.getByRole('menuitem', { name: /Picked in the screen-sharing dialog/ }).click()
    await expect(page.getByText('Screenshot added to the timeline.')).toBeVisible()
    expect(readdirSync(join(app.dataDir, 'incidents', id, 'attachments'))).toHaveLength(1)
    expect((await app.state()).capture.portalPicks).toBe(1)
  })
})

test.describe('start at login on darwin', () => {
  test('opened by the login item, the app stays in the tray', async ({ launchBuiltApp }) => {
    const app = await launchBuiltApp({ platform: 'darwin', openedAtLogin: true })
    // Shortcuts are registered when the host is up; the window is decided in the same turn.
    await expect.poll(async () => (await app.state()).shortcuts.length).toBeGreaterThan(0)
    expect(await visibleHashes(app)).toEqual([])
    await app.tray.click('Open Incident Tray')
    await expect.poll(() => visibleHashes(app)).toEqual([''])
  })
})

test.describe('start at login on win32', () => {
  test('the login item starts the app with --hidden', async ({ launchBuiltApp }) => {
    const app = await launchBuiltApp({ platform: 'win32' })
    const page = await app.window()
    await skipSetup(page)
    expect((await call(page, 'settings:update', { openAtLogin: true })).ok).toBe(true)
    expect((await app.state()).loginItem).toEqual({ openAtLogin: true, args: ['--hidden'] })
  })
})

test.describe('global shortcuts on linux-wayland', () => {
  test('installed under its desktopName, the portal grants the shortcuts', async ({
    launchBuiltApp,
  }) => {
    expect(PKG.desktopName).toMatch(/^[a-z]+(\.[a-z-]+)+\.desktop$/)
    const app = await launchBuiltApp({
      platform: 'linux-wayland',
      installedDesktopFiles: [PKG.desktopName ?? 'missing.desktop'],
    })
    const page = await app.window()
    await skipSetup(page)
    await app.shortcuts.press('CmdOrCtrl+Shift+I')
    await expect(page.getByRole('dialog', { name: 'Record an incident' })).toBeVisible()
  })

  test('not installed, the window says the shortcuts cannot work', async ({ launchBuiltApp }) => {
    const app = await launchBuiltApp({ platform: 'linux-wayland' })
    const page = await app.window()
    await skipSetup(page)
    await expect(
      page.getByRole('status').filter({ hasText: 'Global shortcuts cannot work' }),
    ).toBeVisible()
  })
})

test.describe('the end of a Windows session', () => {
  test('logging off closes the data folder cleanly: lock released, index written', async ({
    launchBuiltApp,
  }) => {
    const { app } = await recordOn(launchBuiltApp, { platform: 'win32' }, 'Openverse.org is down')
    expect(existsSync(join(app.dataDir, 'incident-tray.lock'))).toBe(true)
    expect(await app.endSession()).toBe(0)
    expect(existsSync(join(app.dataDir, 'incident-tray.lock'))).toBe(false)
    expect(existsSync(join(app.dataDir, 'index-delta.jsonl'))).toBe(false)
    expect(existsSync(join(app.dataDir, 'index.json'))).toBe(true)
  })

  test('started hidden at login, logging off still closes the data folder', async ({
    launchBuiltApp,
  }) => {
    const app = await launchBuiltApp({ platform: 'win32', args: ['--hidden'] })
    await expect.poll(async () => (await app.state()).shortcuts.length).toBeGreaterThan(0)
    expect(await visibleHashes(app)).toEqual([])
    expect(await app.endSession()).toBe(0)
    expect(existsSync(join(app.dataDir, 'incident-tray.lock'))).toBe(false)
  })

  test('after a restart of the machine, the lock of the last session does not block start-up', async ({
    launchBuiltApp,
  }) => {
    // The last session's lock names a process id that, after the restart, is another program's
    // (this test runner: alive, not Incident Tray).
    const dataDir = test.info().outputPath('data')
    mkdirSync(dataDir, { recursive: true })
    const lastBoot = Date.now() - uptime() * 1000 - 3 * 3600_000
    writeFileSync(
      join(dataDir, 'incident-tray.lock'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: new Date(lastBoot + 60_000).toISOString(),
        boot: new Date(lastBoot).toISOString(),
      }),
    )
    const app = await launchBuiltApp({ platform: 'win32', dataDir })
    const page = await app.window()
    // The app's own first-run setup, not the start-up failure window.
    await expect(page.getByRole('dialog', { name: 'Welcome to Incident Tray' })).toBeVisible()
    expect(JSON.parse(readFileSync(join(dataDir, 'incident-tray.lock'), 'utf8')).pid).not.toBe(
      process.pid,
    )
  })
})
