import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { incidentIds, logEvents, recordFromTray } from './helpers'
import { openPanel } from '../workspace'

test('the quick-note shortcut opens the quick-note window; Enter appends to the log on disk', async ({
  launchBuiltApp,
}) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'API returns 500 for all searches', 1)
  const id = incidentIds(app.dataDir)[0]!

  await app.shortcuts.press('CmdOrCtrl+Shift+N')
  const box = await app.window('quick-note')
  await expect(box.getByText('Note to API returns 500 for all searches')).toBeVisible()
  const input = box.getByRole('textbox')
  await expect(input).toBeFocused()
  await input.fill('Cloudflare shows 522s from the origin')
  await app.screenshot(box, 'app-quick-note')
  await input.press('Enter')
  // The box closes itself (window.close() → BrowserWindow close) once the note is written.
  await expect
    .poll(async () => (await app.state()).windows.map((w) => new URL(w.url).hash))
    .toEqual([''])
  const notes = logEvents(app.dataDir, id).filter((e) =>
    JSON.stringify(e).includes('Cloudflare shows 522s from the origin'),
  )
  expect(notes).toHaveLength(1)
  await expect(
    page.getByText('Cloudflare shows 522s from the origin', { exact: true }),
  ).toBeVisible()
})

test('Screenshot… captures through desktopCapturer; the PNG is on disk', async ({
  launchBuiltApp,
}) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'Thumbnails are broken', 2)
  const id = incidentIds(app.dataDir)[0]!
  await page.getByRole('button', { name: 'Screenshot…' }).click()
  const menu = page.getByRole('menu', { name: 'Capture' })
  await expect(menu.getByRole('menuitem')).toHaveText([
    '🖥 Entire screen',
    '🗔 Incident Tray',
    'Cancel',
  ])
  await menu.getByRole('menuitem', { name: /Entire screen/ }).click()
  await expect(page.getByText('Screenshot added to the timeline.')).toBeVisible()
  const dir = join(app.dataDir, 'incidents', id, 'attachments')
  const [file] = readdirSync(dir)
  const png = readFileSync(join(dir, file!))
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  // The page as the app's window shows it: 1100×760.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1100, 760])
})

test('copying the P2 post writes text and HTML to the clipboard', async ({ launchBuiltApp }) => {
  const { app, page } = await recordFromTray(launchBuiltApp, 'API returns 500 for all searches', 1)
  await openPanel(page, 'Communications')
  const panel = page.getByRole('region', { name: 'Communications' })
  await panel.getByRole('tab', { name: /P2 incident post/ }).click()
  await panel.getByRole('button', { name: 'Copy P2 incident post' }).click()
  await expect(panel.getByRole('status').last()).toContainText('Copied the P2 incident post')
  const written = (await app.state()).clipboard
  expect(written).toHaveLength(1)
  expect(Object.keys(written[0]!).sort()).toEqual(['text/html', 'text/plain'])
  // What the preview shows is what landed on the clipboard.
  const preview = await panel.getByLabel('P2 incident post preview').textContent()
  expect(written[0]!['text/plain']).toBe(preview)
  expect(written[0]!['text/plain']).toContain('#status-recorded')
  expect(written[0]!['text/html']).toMatch(/<(p|h\d|ul)>/)
})
