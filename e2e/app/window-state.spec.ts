import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BuiltApp } from '../electron-standin/launch'
import { expect, test } from './fixtures'
import { skipSetup } from './helpers'

const LAPTOP = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } }
const MONITOR = { id: 2, bounds: { x: 1440, y: 0, width: 2560, height: 1440 } }
const DOCKED = { x: 1010, y: 40, width: 420, height: 700 }
const WIDE = { x: 1600, y: 100, width: 1280, height: 800 }

const mainBounds = async (app: BuiltApp) => (await app.state()).windows[0]?.bounds

/** The places window-state.json holds, one per display. */
function savedPlaces(dataDir: string): unknown[] {
  const file = join(dataDir, 'window-state.json')
  if (!existsSync(file)) return []
  const state = JSON.parse(readFileSync(file, 'utf8')) as { displays?: Record<string, unknown> }
  return Object.values(state.displays ?? {})
}

test('the window comes back at the size and place it had on each display', async ({
  launchBuiltApp,
}) => {
  const first = await launchBuiltApp({ displays: [LAPTOP, MONITOR] })
  let page = await first.window()
  await skipSetup(page)
  // Nothing saved yet: the default size, centred on the primary display's work area.
  expect(await mainBounds(first)).toEqual({ x: 170, y: 50, width: 1100, height: 760 })

  // Docked narrow beside the tools on the laptop: the compact workspace.
  await first.setWindowBounds(page, DOCKED)
  await expect(page.locator('.panel-menu, .empty').first()).toBeVisible()
  // The move and resize events reach main on their own schedule: let its clock run until the
  // docked place is saved, a moment after the last of them.
  await expect
    .poll(async () => {
      await first.clock.advance(1000)
      return savedPlaces(first.dataDir)
    })
    .toContainEqual(DOCKED)
  // Then moved to the monitor and made wide; the window is closed to the tray.
  await first.setWindowBounds(page, WIDE)
  await first.closeWindow(page)
  expect(existsSync(join(first.dataDir, 'window-state.json'))).toBe(true)
  expect(await first.quit()).toBe(0)

  // Both displays connected: it opens on the monitor, wide.
  const again = await launchBuiltApp({ dataDir: first.dataDir, displays: [LAPTOP, MONITOR] })
  page = await again.window()
  expect(await mainBounds(again)).toEqual(WIDE)
  await expect.poll(() => page.viewportSize()).toEqual({ width: 1280, height: 800 })
  expect(await again.quit()).toBe(0)
})

test('with the monitor unplugged, the window opens at the laptop’s own place, docked', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp({ displays: [LAPTOP] })
  expect(await app.quit()).toBe(0)
  // What the app saved after being docked on the laptop and then made wide on the monitor.
  writeFileSync(
    join(app.dataDir, 'window-state.json'),
    JSON.stringify({
      version: 1,
      last: '2:2560x1400',
      displays: { '1:1440x860': DOCKED, '2:2560x1400': WIDE },
    }),
  )
  const laptopOnly = await launchBuiltApp({ dataDir: app.dataDir, displays: [LAPTOP] })
  const page = await laptopOnly.window()
  expect(await mainBounds(laptopOnly)).toEqual(DOCKED)
  await laptopOnly.screenshot(page, 'app-window-docked')
})
