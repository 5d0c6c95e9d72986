import { expect, test } from './fixtures'
import { call, fillRecord, MIN, skipSetup, recordFromTray } from './helpers'

test('start shows the idle tray, its menu and the window', async ({ launchBuiltApp }) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  await expect(page.getByRole('heading', { name: 'No incidents recorded' })).toBeVisible()
  const state = await app.state()
  expect(state.tray?.image).toMatch(/assets\/tray-idle\.png$/)
  expect(state.tray?.tooltip).toBe('Incident Tray: no active incidents')
  expect(state.tray?.menu.map((i) => i.label)).toEqual([
    'Record incident…',
    'Open from the P2…',
    'Open Incident Tray',
    'Settings…',
    '',
    'Quit Incident Tray',
  ])
  // The lead takes an incident over from its post on the P2, from the tray too.
  await app.tray.click('Open from the P2…')
  const dialog = page.getByRole('dialog', { name: 'Open from the P2' })
  await expect(dialog.getByLabel('The post’s address')).toBeFocused()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  // The application menu keeps its accelerators, so the window menu lists the shortcuts.
  const file = state.applicationMenu?.find((m) => m.label === '&File')
  expect(file?.submenu?.find((i) => i.label === 'Record incident…')?.accelerator).toBe(
    'CmdOrCtrl+N',
  )
  // The default global shortcuts are registered with the OS.
  expect(state.shortcuts).toEqual(
    expect.arrayContaining(['CmdOrCtrl+Shift+I', 'CmdOrCtrl+Shift+N']),
  )
})

test('record from the tray menu; icon, tooltip and menu follow active → due soon → overdue, one notification each', async ({
  launchBuiltApp,
}) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'Openverse.org is down', 1)
  const header = page.getByRole('region', { name: 'Openverse.org is down' })
  await expect(header).toBeVisible()
  const id = (await call<{ incidents: { id: string }[] }>(page, 'state:get')).ok
    ? (
        (await call<{ incidents: { id: string }[] }>(page, 'state:get')) as {
          value: { incidents: { id: string }[] }
        }
      ).value.incidents[0]!.id
    : ''
  // A lead, so the only notifications are the update reminders.
  expect(
    (await call(page, 'incident:setLead', { id, lead: { kind: 'free', name: 'Dana' } })).ok,
  ).toBe(true)
  // The user's zone is UTC, so the tooltip's deadline reads the same in every zone the tests run.
  expect((await call(page, 'settings:update', { you: { timeZone: 'UTC' } })).ok).toBe(true)

  let state = await app.state()
  expect(state.tray?.image).toMatch(/tray-active\.png$/)
  expect(state.tray?.tooltip).toBe(
    'Incident Tray: 1 active incident · next update due 15:00 (in 1 h)',
  )
  // The menu reads like a dashboard: the incident and when its update is due, then the actions.
  expect(state.tray?.menu.map((i) => i.label)).toEqual([
    'Severity 1 · Stabilization pending · Openverse.org is down — update due in 1 h',
    '',
    'Record incident…',
    'Open from the P2…',
    'Quick note…',
    'Open Incident Tray',
    'Settings…',
    '',
    'Quit Incident Tray',
  ])
  expect(state.notifications).toEqual([])

  await app.clock.advance(50 * MIN)
  state = await app.state()
  expect(state.tray?.image).toMatch(/tray-due-soon\.png$/)
  expect(state.notifications.map((n) => n.title)).toEqual(['Status update due in 10 min'])
  expect(state.tray?.tooltip).toBe(
    'Incident Tray: 1 active incident · next update due 15:00 (in 10 min)',
  )
  expect(state.tray?.menu[0]?.label).toBe(
    'Severity 1 · Stabilization pending · Openverse.org is down — update due in 10 min',
  )

  await app.clock.advance(11 * MIN)
  state = await app.state()
  expect(state.tray?.image).toMatch(/tray-overdue\.png$/)
  expect(state.tray?.tooltip).toBe('Incident Tray: 1 active incident · update overdue by 1 min')
  expect(state.tray?.menu.find((i) => i.label.includes('Openverse.org is down'))?.label).toBe(
    'Severity 1 · Stabilization pending · Openverse.org is down — overdue by 1 min',
  )
  expect(state.notifications.map((n) => n.title)).toEqual([
    'Status update due in 10 min',
    'Status update due now',
  ])
  expect(state.notifications[1]?.shownAt).toBe('2026-11-23T15:00:00.000Z')
})

test('clicking a reminder opens its incident', async ({ launchBuiltApp }) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'Openverse.org is down', 1)
  await app.clock.advance(50 * MIN)
  const reminder = (await app.state()).notifications.findIndex(
    (n) => n.title === 'Status update due in 10 min',
  )
  expect(reminder).toBeGreaterThanOrEqual(0)
  // Another incident is on screen when the reminder for the first is clicked.
  await page.keyboard.press('Control+N')
  await fillRecord(page, 'Thumbnails are slow', 3)
  await expect(page.getByRole('region', { name: 'Thumbnails are slow' })).toBeVisible()
  await app.closeWindow(page)
  await app.notifications.click(reminder)
  await expect(page.getByRole('region', { name: 'Openverse.org is down' })).toBeVisible()
  expect((await app.state()).windows.filter((w) => w.visible)).toHaveLength(1)
})

test('the tray menu is a dashboard: an incident item opens it; Quick note… and Settings… open theirs', async ({
  launchBuiltApp,
}) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'Openverse.org is down', 1)
  await page.keyboard.press('Control+N')
  await fillRecord(page, 'Thumbnails are slow', 3)
  await expect(page.getByRole('region', { name: 'Thumbnails are slow' })).toBeVisible()
  await app.clock.advance(67 * MIN)
  const labels = (await app.state()).tray?.menu.map((i) => i.label)
  // Most urgent first, each with severity, status and its update; the actions follow.
  expect(labels).toEqual([
    'Severity 1 · Stabilization pending · Openverse.org is down — overdue by 7 min',
    'Severity 3 · Stabilization pending · Thumbnails are slow — update due in 22 h 53 min',
    '',
    'Record incident…',
    'Open from the P2…',
    'Quick note…',
    'Open Incident Tray',
    'Settings…',
    '',
    'Quit Incident Tray',
  ])

  // The window is closed to the tray; the incident's item opens it on that incident.
  await app.closeWindow(page)
  await app.tray.click(labels![0]!)
  await expect(page.getByRole('region', { name: 'Openverse.org is down' })).toBeVisible()
  expect((await app.state()).windows.filter((w) => w.visible)).toHaveLength(1)

  await app.tray.click('Settings…')
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await page.keyboard.press('Escape')

  await app.tray.click('Quick note…')
  const box = await app.window('quick-note')
  await expect(box.getByRole('textbox')).toBeVisible()
})
