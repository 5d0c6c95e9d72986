import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, test } from './fixtures'
import { skipSetup, recordFromTray } from './helpers'

test('data & backup: the folder opens, a backup goes where the save dialog says, login start writes the autostart entry', async ({
  launchBuiltApp,
}) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'Search is slow', 2)
  await page.keyboard.press('Control+,')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('navigation').getByRole('button', { name: 'Data & backup' }).click()
  await expect(settings.getByText(app.dataDir, { exact: true })).toBeVisible()

  await settings.getByRole('button', { name: 'Open data folder' }).click()
  await expect.poll(async () => (await app.state()).openedPaths).toEqual([app.dataDir])

  const zip = join(app.dataDir, '..', 'backup.zip')
  await app.dialog.answer({ filePath: zip })
  await settings.getByRole('button', { name: 'Back up everything…' }).click()
  await expect(settings.getByRole('status')).toHaveText(`Saved 1 incident to ${zip}`)
  expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK')

  // Importing it back: the file comes from the open dialog and the plan is shown first.
  await app.dialog.answer({ filePaths: [zip] })
  await settings.getByRole('button', { name: 'Choose backup…' }).click()
  await expect(settings.getByText('Already here, identical')).toBeVisible()
  expect((await app.state()).dialogs.map((d) => d.kind)).toEqual(['save', 'open'])

  // Linux: an XDG autostart entry in $XDG_CONFIG_HOME/autostart that starts in the tray.
  const entry = join(dirname(app.dataDir), 'autostart', 'incident-tray.desktop')
  await settings.getByRole('checkbox', { name: /Open Incident Tray when I log in/ }).check()
  await expect.poll(() => existsSync(entry)).toBe(true)
  expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=.* --hidden$/m)
  await settings.getByRole('checkbox', { name: /Open Incident Tray when I log in/ }).uncheck()
  await expect.poll(() => existsSync(entry)).toBe(false)
})

test('the theme chosen in settings reaches nativeTheme and the windows', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  const dark = () => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
  await page.keyboard.press('Control+,')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('navigation').getByRole('button', { name: 'Appearance' }).click()
  await settings.getByRole('radio', { name: 'Dark' }).check()
  await expect.poll(dark).toBe(true)
  await settings.getByRole('radio', { name: 'Light' }).check()
  await expect.poll(dark).toBe(false)
})

test('a shortcut another app holds is refused, and the others still work', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp({ takenShortcuts: ['CmdOrCtrl+Shift+I'] })
  const page = await app.window()
  await skipSetup(page)
  const state = await app.state()
  expect(state.shortcuts).not.toContain('CmdOrCtrl+Shift+I')
  expect(state.shortcuts).toContain('CmdOrCtrl+Shift+N')
  await app.closeWindow(page)
  await app.shortcuts.press('CmdOrCtrl+Alt+I')
  await expect.poll(async () => (await app.state()).windows.map((w) => w.visible)).toEqual([true])
})
