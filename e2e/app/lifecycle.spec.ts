import { expect, test } from './fixtures'
import { call, incidentIds, logEvents, MIN, skipSetup, recordFromTray } from './helpers'

test('closing the window hides it; the tray still works; Quit exits 0 with the data intact', async ({
  launchBuiltApp,
}) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'Search is slow', 2)

  await app.closeWindow(page)
  let state = await app.state()
  expect(state.windows.map((w) => w.visible)).toEqual([false])
  expect(page.isClosed()).toBe(false)
  await app.tray.click('Open Incident Tray')
  await expect.poll(async () => (await app.state()).windows.map((w) => w.visible)).toEqual([true])
  await expect(page.getByRole('region', { name: 'Search is slow' })).toBeVisible()

  await app.tray.click('Quit Incident Tray')
  expect(await app.exited).toBe(0)
  const [id] = incidentIds(app.dataDir)
  expect(logEvents(app.dataDir, id!).map((e) => e.type)[0]).toBe('incident.recorded')

  // The same profile starts again with the incident there.
  const again = await launchBuiltApp({ dataDir: app.dataDir })
  const reopened = await again.window()
  await expect(reopened.getByRole('navigation', { name: 'Incidents' })).toContainText(
    'Search is slow',
  )
  state = await again.state()
  expect(state.tray?.image).toMatch(/tray-active\.png$/)
})

test('a second launch focuses the first and exits', async ({ launchBuiltApp }) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  await app.closeWindow(page)
  expect((await app.state()).windows.map((w) => w.visible)).toEqual([false])

  const second = await app.secondLaunch()
  expect(second.code).toBe(0)
  await expect.poll(async () => (await app.state()).windows.map((w) => w.visible)).toEqual([true])
  // The second process made no window and no tray of its own.
  expect(second.stderr).toBe('')
})

test('--hidden starts in the tray with no window', async ({ launchBuiltApp }) => {
  const app = await launchBuiltApp({ args: ['--hidden'] })
  await expect.poll(async () => (await app.state()).tray?.image).toMatch(/tray-idle\.png$/)
  expect((await app.state()).windows).toEqual([])
  await app.tray.click('Open Incident Tray')
  const page = await app.window()
  await expect(page.getByRole('dialog', { name: 'Welcome to Incident Tray' })).toBeVisible()
})

test('three hours asleep, then resume: one overdue reminder, not a flood', async ({
  launchBuiltApp,
}) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'Openverse.org is down', 1)
  const id = incidentIds(app.dataDir)[0]!
  expect(
    (await call(page, 'incident:setLead', { id, lead: { kind: 'free', name: 'Dana' } })).ok,
  ).toBe(true)
  await app.clock.advance(5 * MIN)
  expect((await app.state()).notifications).toEqual([])

  await app.clock.sleep(3 * 60 * MIN)
  expect((await app.state()).notifications).toEqual([])
  await app.powerMonitor.emit('resume')
  await expect
    .poll(async () => (await app.state()).notifications.map((n) => n.title))
    .toEqual(['Status update overdue by 2 h 5 min'])
  const state = await app.state()
  expect(state.tray?.image).toMatch(/tray-overdue\.png$/)
  // Unlocking the screen right after looks again, and repeats nothing.
  await app.powerMonitor.emit('unlock-screen')
  await app.clock.advance(1 * MIN)
  expect((await app.state()).notifications).toHaveLength(1)
})
