/**
 * The window where the desktop limits it, on the stand-in's model of that desktop
 * (e2e/electron-standin/platform.ts): no tray host on GNOME, and Wayland's compositor placing
 * windows.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BuiltApp } from '../electron-standin/launch'
import { expect, test } from './fixtures'
import { skipSetup } from './helpers'

const mainWindow = async (app: BuiltApp) =>
  (await app.state()).windows.find((w) => new URL(w.url).hash === '')

const noTrayNotice = 'This desktop shows no tray icons'

test.describe('no tray host (vanilla GNOME on linux-wayland)', () => {
  test('closing the window keeps it in the taskbar, minimized, and it comes back', async ({
    launchBuiltApp,
  }) => {
    const app = await launchBuiltApp({ platform: 'linux-wayland', trayHost: false })
    const page = await app.window()
    await skipSetup(page)
    expect((await app.state()).tray?.shown).toBe(false)
    // The app found out there is no tray, and says what closing does instead.
    await expect(page.getByRole('status').filter({ hasText: noTrayNotice })).toBeVisible()
    await app.closeWindow(page)
    expect(await mainWindow(app)).toMatchObject({ visible: true, minimized: true })
    // Launched again from the dash: the same window, restored.
    expect((await app.secondLaunch()).code).toBe(0)
    await expect.poll(async () => (await mainWindow(app))?.minimized).toBe(false)
    expect((await app.state()).windows.filter((w) => w.visible)).toHaveLength(1)
  })

  test('started hidden at login, a minimized window is the way in', async ({ launchBuiltApp }) => {
    const app = await launchBuiltApp({
      platform: 'linux-wayland',
      trayHost: false,
      args: ['--hidden'],
    })
    await expect
      .poll(async () => await mainWindow(app))
      .toMatchObject({ visible: true, minimized: true })
    // Opened from the taskbar, it says why there was no tray icon.
    const page = await app.window()
    await expect(page.getByRole('status').filter({ hasText: noTrayNotice })).toBeVisible()
  })

  test('with a tray host, closing hides the window in the tray', async ({ launchBuiltApp }) => {
    const app = await launchBuiltApp({ platform: 'linux-wayland' })
    const page = await app.window()
    await skipSetup(page)
    expect((await app.state()).tray?.shown).toBe(true)
    await app.closeWindow(page)
    expect(await mainWindow(app)).toMatchObject({ visible: false })
    await expect(page.getByRole('status').filter({ hasText: noTrayNotice })).toHaveCount(0)
  })
})

test.describe('window size on linux-wayland', () => {
  // The stand-in's one display (1920×1080, a 40 px panel): its key in window-state.json.
  const DISPLAY = '1:1920x1040'
  const DOCKED = { x: 1490, y: 40, width: 420, height: 700 }
  const saved = (app: BuiltApp) =>
    JSON.parse(readFileSync(join(app.dataDir, 'window-state.json'), 'utf8')) as {
      displays: Record<string, unknown>
      size?: unknown
    }

  test('only the size comes back; the places an X11 session saved stay as they were', async ({
    launchBuiltApp,
  }) => {
    const first = await launchBuiltApp({ platform: 'linux-x11' })
    expect(await first.quit()).toBe(0)
    // Docked on the right in an X11 session of the same machine.
    writeFileSync(
      join(first.dataDir, 'window-state.json'),
      JSON.stringify({ version: 1, last: DISPLAY, displays: { [DISPLAY]: DOCKED } }),
    )

    const wayland = await launchBuiltApp({ platform: 'linux-wayland', dataDir: first.dataDir })
    const page = await wayland.window()
    // The compositor places it; the size is the one the user left.
    expect((await mainWindow(wayland))?.bounds).toEqual({ x: 0, y: 0, width: 420, height: 700 })
    await wayland.setWindowBounds(page, { x: 0, y: 0, width: 900, height: 650 })
    await expect
      .poll(async () => {
        await wayland.clock.advance(1000)
        return saved(wayland).size
      })
      .toEqual({ width: 900, height: 650 })
    expect(await wayland.quit()).toBe(0)
    expect(saved(wayland).displays).toEqual({ [DISPLAY]: DOCKED })

    const again = await launchBuiltApp({ platform: 'linux-wayland', dataDir: first.dataDir })
    await again.window()
    expect((await mainWindow(again))?.bounds).toMatchObject({ width: 900, height: 650 })
    expect(await again.quit()).toBe(0)

    // Back on X11: docked where it was, not at 0,0.
    const x11 = await launchBuiltApp({ platform: 'linux-x11', dataDir: first.dataDir })
    await x11.window()
    expect((await mainWindow(x11))?.bounds).toEqual(DOCKED)
  })
})
