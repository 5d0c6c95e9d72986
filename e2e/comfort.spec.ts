import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { openPanel } from './workspace'

const incident = (title: string, severity = 1) => ({
  title,
  severity,
  detection: 'alert' as const,
  recorder: 'Dana',
})

async function runFromPalette(page: Page, query: string) {
  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await page.keyboard.type(query)
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
}

test('first-run setup: prefilled, completed, and kept across a restart', async ({ launchApp }) => {
  const app = await launchApp({ firstRun: true })
  const { page } = app
  const setup = page.getByRole('dialog', { name: 'Welcome to Incident Tray' })
  await expect(setup).toBeVisible()
  // Prefilled from the system: its time zone and ordinary working hours.
  const systemZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  await expect(setup.getByLabel('Time zone')).toHaveValue(systemZone)
  await expect(setup.getByLabel('From')).toHaveValue('09:00')
  await expectAccessible(page, 'first run')
  await app.screenshot('first-run')

  await setup.getByLabel('Your name').fill('Dana')
  await setup.getByLabel('Time zone').fill('Europe/Berlin')
  await setup.getByLabel('From').fill('08:00')
  await setup.getByRole('checkbox', { name: 'Fri' }).uncheck()
  await setup.getByRole('radio', { name: /SEV-1/ }).check()
  await setup.getByRole('button', { name: /Record incident/ }).click()
  await page.keyboard.press('Control+Alt+R')
  await expect(setup.getByRole('button', { name: /Ctrl\+Alt\+R/ })).toBeVisible()
  await setup.getByRole('button', { name: 'Finish setup' }).click()
  await expect(setup).toBeHidden()

  await app.restart()
  await expect(app.page.getByRole('heading', { name: 'No incidents recorded' })).toBeVisible()
  await expect(app.page.getByRole('dialog', { name: 'Welcome to Incident Tray' })).toHaveCount(0)
  const saved = app.host.settings()
  expect(saved.you).toMatchObject({
    name: 'Dana',
    timeZone: 'Europe/Berlin',
    workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4] },
  })
  expect(saved.severityScale).toBe('sev4')
  expect(saved.shortcuts.record).toBe('CmdOrCtrl+Alt+R')
  expect(saved.firstRun).toEqual({ completed: true, skipped: false })
  expect(app.desktop.registered.record).toBe('CmdOrCtrl+Alt+R')
})

test('first run can be skipped, the app works at once, and the setup reopens', async ({
  launchApp,
}) => {
  const app = await launchApp({ firstRun: true })
  const { page } = app
  const setup = page.getByRole('dialog', { name: 'Welcome to Incident Tray' })
  await expect(setup).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(setup).toBeHidden()
  expect(app.host.settings().firstRun).toEqual({ completed: false, skipped: true })
  await page.keyboard.press('Control+N')
  await expect(page.getByRole('dialog', { name: 'Record an incident' })).toBeVisible()
  await page.keyboard.press('Escape')
  await runFromPalette(page, 'setup again')
  await expect(setup).toBeVisible()
  await setup.getByRole('button', { name: /Skip for now/ }).click()
  await app.restart()
  await expect(app.page.getByRole('dialog', { name: 'Welcome to Incident Tray' })).toHaveCount(0)
})

test('the palette runs six different actions by keyboard alone and gives focus back', async ({
  launchApp,
}) => {
  const app = await launchApp()
  const { page } = app
  await app.host.call('incident:record', incident('Thumbnails time out', 2))
  await app.host.call('incident:record', incident('API returns 500 for all searches'))
  await expect(page.getByRole('navigation', { name: 'Incidents' })).toContainText('Thumbnails')

  // Focus returns to where it was when the palette closes.
  const thumbnails = page.getByRole('button', { name: /Thumbnails time out/ })
  await thumbnails.focus()
  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette.getByRole('option', { name: /Record incident/ })).toBeVisible()
  await expect(palette.getByRole('option', { name: /Record incident/ })).toContainText('Ctrl+N')
  await expectAccessible(page, 'command palette')
  await app.screenshot('palette')
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
  await expect(thumbnails).toBeFocused()

  // 1. Record incident.
  await runFromPalette(page, 'record')
  const record = page.getByRole('dialog', { name: 'Record an incident' })
  await expect(record.getByLabel('Title')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(record).toBeHidden()

  // 2. Switch incident, with arrow keys over the filtered list.
  // The first recorded stays selected, so "Switch to" lists the other one only.
  await expect(page.getByRole('region', { name: 'Thumbnails time out' })).toBeVisible()
  await page.keyboard.press('Control+K')
  await page.keyboard.type('switch')
  await expect(palette.getByRole('option')).toHaveCount(1)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'API returns 500 for all searches' })).toBeVisible()

  // 3. Theme: dark, applied at once and saved.
  await runFromPalette(page, 'theme dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(app.host.settings().appearance.theme).toBe('dark')

  // 4. Open data folder.
  await runFromPalette(page, 'data folder')
  await expect.poll(() => app.desktop.openedFolders).toEqual([app.dataDir])

  // 5. Open settings at a section.
  await runFromPalette(page, 'settings shortcuts')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await expect(settings.getByRole('heading', { name: 'Global shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()

  // 6. Theme back to the system's.
  await runFromPalette(page, 'same as the system')
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/)

  // No match says so.
  await page.keyboard.press('Control+K')
  await page.keyboard.type('qqqzz')
  await expect(palette.getByRole('status')).toHaveText('No command matches “qqqzz”.')
})

test('settings: bad input is refused with a clear message and nothing else changes', async ({
  launchApp,
}) => {
  const app = await launchApp({
    settings: { you: { name: 'Dana' } },
    takenShortcuts: ['CmdOrCtrl+Shift+P'],
  })
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await expect(settings.getByRole('heading', { name: 'You' })).toBeVisible()
  const file = () => readFileSync(join(app.dataDir, 'settings.json'), 'utf8')
  const before = file()

  // Working hours that end before they start.
  await settings.getByLabel('From').fill('18:00')
  await expect(settings.getByRole('alert')).toHaveText(
    'Working hours must end after they start (for example 09:00 to 17:00).',
  )
  expect(file()).toBe(before)
  // Fixing the other half saves both.
  await settings.getByLabel('to').fill('22:00')
  await expect(settings.getByRole('alert')).toHaveCount(0)
  await expect
    .poll(() => app.host.settings().you.workingHours)
    .toMatchObject({ start: '18:00', end: '22:00' })
  const afterHours = file()

  // An unknown time zone.
  await settings.getByLabel('Time zone').fill('Mars/Olympus_Mons')
  await settings.getByLabel('Time zone').press('Enter')
  await expect(settings.getByRole('alert')).toHaveText(
    'Unknown time zone "Mars/Olympus_Mons". Use an IANA name like Europe/Berlin, America/New_York or UTC.',
  )
  await expect(settings.getByLabel('Time zone')).toHaveValue('Mars/Olympus_Mons')
  await settings.getByLabel('Chat handle').fill('@dana')
  await settings.getByLabel('Chat handle').press('Enter')
  await expect.poll(() => app.host.settings().you.chatHandle).toBe('@dana')
  expect(app.host.settings().you.timeZone).toBe('')

  // A shortcut another app holds, then one shortcut for two actions.
  await settings.getByRole('button', { name: 'Global shortcuts' }).click()
  const recordShortcut = settings.getByRole('button', { name: /^Record incident/ })
  await recordShortcut.click()
  await page.keyboard.press('Control+Shift+P')
  await expect(settings.getByRole('alert')).toHaveText(
    'Ctrl+Shift+P ("Record incident") is already taken by another app or by the system. Choose another shortcut.',
  )
  await expect(recordShortcut).toHaveText('Ctrl+Shift+I')
  await settings.getByRole('button', { name: /^Show the scratchpad/ }).click()
  await page.keyboard.press('Control+Shift+I')
  await expect(settings.getByRole('alert').last()).toHaveText(
    'CmdOrCtrl+Shift+I is already the shortcut for "Record incident". Choose another shortcut for "Show the scratchpad".',
  )
  expect(app.host.settings().shortcuts).toEqual({
    record: 'CmdOrCtrl+Shift+I',
    showWindow: 'CmdOrCtrl+Alt+I',
    quickNote: 'CmdOrCtrl+Shift+N',
  })
  expect(app.desktop.registered).toEqual({
    record: 'CmdOrCtrl+Shift+I',
    showWindow: 'CmdOrCtrl+Alt+I',
    quickNote: 'CmdOrCtrl+Shift+N',
  })
  // Everything else is as it was after the last good change (the chat handle).
  const saved = JSON.parse(file()) as { you: { name: string; workingHours: unknown } }
  expect(saved.you.name).toBe('Dana')
  expect(saved.you.workingHours).toEqual(JSON.parse(afterHours).you.workingHours)
  await expectAccessible(page, 'settings with errors')
})

test('settings sections: theme, quiet hours, data folder and login, by keyboard', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await page.keyboard.press('Control+,')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await expect(settings.getByLabel('Your name')).toHaveValue('Dana')
  await expectAccessible(page, 'settings: you')
  await app.screenshot('settings-light')

  const nav = settings.getByRole('navigation', { name: 'Settings sections' })
  await nav.getByRole('button', { name: 'You' }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(settings.getByRole('heading', { name: 'Severity scale' })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await expect(
    settings.getByText(/Outside your working hours: Mon, Tue, Wed, Thu, Fri/),
  ).toBeVisible()
  await settings.getByRole('checkbox', { name: /notify only for Severity 1/ }).uncheck()
  await expect
    .poll(() => app.host.settings().notifications.onlySeverity1OutsideWorkingHours)
    .toBe(false)

  await nav.getByRole('button', { name: 'Appearance' }).click()
  await settings.getByRole('radio', { name: 'Dark' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expectAccessible(page, 'settings: appearance, dark')
  await app.screenshot('settings-dark')

  await nav.getByRole('button', { name: 'Data & backup' }).click()
  await expect(settings.getByText(app.dataDir)).toBeVisible()
  await settings.getByRole('button', { name: 'Open data folder' }).click()
  await expect.poll(() => app.desktop.openedFolders).toEqual([app.dataDir])
  await settings.getByRole('checkbox', { name: /Open Incident Tray when I log in/ }).check()
  await expect.poll(() => app.desktop.openAtLogin).toBe(true)

  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()
  await app.restart()
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(app.host.settings().openAtLogin).toBe(true)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`main screens pass axe in ${colorScheme} (system theme)`, async ({ launchApp }) => {
    // Fourteen axe scans take 45-60 s alone on a 2-core machine shared by several test runs.
    test.setTimeout(150_000)
    const app = await launchApp({ settings: { you: { name: 'Dana' } } })
    const { page } = app
    await page.emulateMedia({ colorScheme })
    await expectAccessible(page, `empty scratchpad, ${colorScheme}`)
    await app.host.call('incident:record', {
      ...incident('Search returns nothing'),
      observed: 'Every search answers 500.',
      area: 'API',
    })
    await app.host.call('incident:record', incident('Thumbnails slow', 3))
    await expect(
      page.getByRole('region', { name: /Search returns nothing|Thumbnails slow/ }),
    ).toBeVisible()
    await expectAccessible(page, `scratchpad, ${colorScheme}`)
    await app.screenshot(`scratchpad-${colorScheme}`)

    await openPanel(page, 'Communications')
    const comms = page.getByRole('region', { name: 'Communications' })
    await comms.getByRole('tab', { name: /Slack message/ }).click()
    await comms.scrollIntoViewIfNeeded()
    await expectAccessible(page, `communications, ${colorScheme}`)
    await app.screenshot(`communications-${colorScheme}`)

    await page.keyboard.press('Control+N')
    const record = page.getByRole('dialog', { name: 'Record an incident' })
    await record.getByRole('radio', { name: /Severity 1/ }).check()
    await expectAccessible(page, `record dialog, ${colorScheme}`)
    await app.screenshot(`record-dialog-${colorScheme}`)
    await page.keyboard.press('Escape')

    await page.keyboard.press('Control+,')
    const settings = page.getByRole('dialog', { name: 'Settings' })
    for (const section of [
      'You',
      'Severity scale',
      'Notifications & quiet hours',
      'Update cadence',
      'Rota',
      'Global shortcuts',
      'Templates',
      'Quick links & runbooks',
      'Appearance',
      'Data & backup',
      'About & updates',
    ]) {
      await settings.getByRole('navigation').getByRole('button', { name: section }).click()
      await expect(settings.getByRole('heading', { name: section, level: 3 })).toBeVisible()
      await expectAccessible(page, `settings: ${section}, ${colorScheme}`)
    }
  })
}

test('the palette writes a note, changes the status and copies an output, by keyboard', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await app.host.call('incident:record', incident('Search returns nothing'))
  await expect(page.getByRole('region', { name: 'Search returns nothing' })).toBeVisible()

  await runFromPalette(page, 'add a note')
  await expect(
    page.getByRole('form', { name: 'Add to the timeline' }).locator('textarea'),
  ).toBeFocused()
  await page.keyboard.type('Checked the CDN: no errors there')
  await page.keyboard.press('Enter')
  await expect(
    page
      .getByRole('list', { name: 'Timeline entries' })
      .getByText('Checked the CDN: no errors there'),
  ).toBeVisible()

  await runFromPalette(page, 'status to stabilized')
  const move = page.getByRole('dialog', { name: 'Move to Stabilized' })
  await expect(move).toBeVisible()
  await page.keyboard.press('Escape')

  await runFromPalette(page, 'copy slack')
  await expect
    .poll(() => app.clipboard.text())
    .toMatch(/^\*Severity 1 incident: Search returns nothing\*/)
})

test.describe('in a browser with a US locale', () => {
  // A locale picker would show 09:00 AM and mm/dd/yyyy here: the app's inputs must not.
  test.use({ locale: 'en-US' })

  test("times are typed on the app's clock and dates as ISO days, in settings and key times", async ({
    launchApp,
  }) => {
    const app = await launchApp({ settings: { you: { name: 'Dana', timeZone: 'UTC' } } })
    const { page } = app
    expect(await page.evaluate(() => navigator.language)).toBe('en-US')
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    const from = settings.getByLabel('From')
    // The 24-hour clock (the default) whatever the locale.
    await expect(from).toHaveValue('09:00')
    await expect(settings.getByLabel('to')).toHaveValue('17:00')

    // On the 12-hour clock the same hours read as 12-hour times, and one typed so is saved.
    expect((await app.host.call('settings:update', { appearance: { clock: '12h' } })).ok).toBe(true)
    await expect(from).toHaveValue('9:00 AM')
    await expect(from).toHaveAttribute('placeholder', 'h:mm AM')
    await from.fill('8:30 AM')
    await expect.poll(() => app.host.settings().you.workingHours.start).toBe('08:30')
    await settings.getByLabel('to').fill('17:30')
    await expect.poll(() => app.host.settings().you.workingHours.end).toBe('17:30')
    // Typed on the other clock, it reads on the setting's once left.
    await settings.getByLabel('to').blur()
    await expect(settings.getByLabel('to')).toHaveValue('5:30 PM')
    await page.setViewportSize({ width: 1280, height: 800 })
    await app.screenshot('settings-hours-12h')
    await page.setViewportSize({ width: 420, height: 700 })
    await settings.getByLabel('From').scrollIntoViewIfNeeded()
    // Docked, the sections are one choice above the form, so the form keeps the window's width.
    await expect(settings.getByLabel('Section')).toHaveValue('you')
    const form = settings.locator('.settings-section')
    expect((await form.boundingBox())!.width).toBeGreaterThan(360)
    expect(await form.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await app.screenshot('settings-hours-12h-docked')
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.keyboard.press('Escape')

    // The key-time editor: an ISO day and a time on the clock setting, not mm/dd/yyyy.
    const recorded = await app.host.call('incident:record', incident('Search returns 500'))
    if (!recorded.ok) throw new Error(recorded.error.message)
    await expect(page.getByRole('region', { name: 'Search returns 500' })).toBeVisible()
    await expect(page.getByLabel('Happened at')).toHaveAttribute('placeholder', 'now')
    await openPanel(page, 'Key times')
    await page
      .getByRole('region', { name: 'Key times' })
      .getByRole('button', { name: 'Edit Detected time' })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Detected time' })
    const when = dialog.getByLabel('Detected (UTC)')
    await expect(when).toHaveValue('2026-11-23 2:00 PM')
    await expect(when).toHaveAttribute('placeholder', 'YYYY-MM-DD h:mm AM')
    await when.fill('2026-11-23 1:30 PM')
    await dialog.getByLabel('Why is it corrected?').fill('The alert fired at 13:30.')
    await app.screenshot('key-time-12h')
    await page.setViewportSize({ width: 420, height: 700 })
    await app.screenshot('key-time-12h-docked')
    await dialog.getByRole('button', { name: 'Save time' }).click()
    await expect(dialog).toBeHidden()
    const full = await app.host.call('incident:get', { id: recorded.value.id })
    expect(full.ok && full.value.keyTimes.detectedAt).toBe('2026-11-23T13:30:00.000Z')
  })
})
