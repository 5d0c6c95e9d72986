import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' }).locator('> li')

test('a log with a damaged middle line and a line of a newer version still opens, with its entries and a notice', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app

  // Recorded through the UI.
  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await dialog.getByLabel('Title').fill('Thumbnails time out')
  await dialog.getByRole('radio', { name: /Severity 2/ }).check()
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()
  const note = page.getByRole('textbox', { name: 'Note' })
  for (const text of [
    'First note: will be damaged',
    'Second note: CDN 504s',
    'Third note: rolled back',
  ]) {
    await note.fill(text)
    await note.press('Enter')
    await expect(entries(page).filter({ hasText: text })).toBeVisible()
  }
  const [summary] = app.host.snapshot().incidents
  const log = join(app.dataDir, 'incidents', summary!.id, 'events.jsonl')

  // By hand, as the app would find the folder after someone edited it: the second line (the
  // first note) damaged, and a line from a newer version of the app appended.
  const lines = readFileSync(log, 'utf8').split('\n')
  lines[1] = lines[1]!.slice(0, 40)
  writeFileSync(log, lines.join('\n'))
  appendFileSync(
    log,
    JSON.stringify({
      id: 'from-the-future',
      incidentId: summary!.id,
      seq: 5,
      at: '2026-11-23T15:00:00.000Z',
      by: 'Dana',
      type: 'incident.escalated',
      v: 3,
    }) + '\n',
  )
  const edited = readFileSync(log)
  await app.restart()

  // The window opens with the incident and its readable entries.
  const header = app.page.getByRole('region', { name: 'Thumbnails time out' })
  await expect(header).toBeVisible()
  await expect(entries(app.page).filter({ hasText: 'Second note: CDN 504s' })).toBeVisible()
  await expect(entries(app.page).filter({ hasText: 'Third note: rolled back' })).toBeVisible()
  await expect(entries(app.page).filter({ hasText: 'First note' })).toHaveCount(0)
  const notice = app.page.getByRole('status').filter({ hasText: 'written by a newer version' })
  await expect(notice).toContainText(
    `Incident “Thumbnails time out” (${summary!.id}) was written by a newer version of Incident Tray (line 5: "incident.escalated", schema version 3): nothing was changed; update the app to edit it. It opens read-only. 1 unreadable line(s) were left in place too.`,
  )
  await expect(app.page.getByRole('note').filter({ hasText: 'Read-only.' })).toContainText(
    'update the app to edit it',
  )
  // The tray says so too, until the notice is dismissed.
  await expect.poll(() => app.trayModels.at(-1)?.tooltip).toMatch(/1 notice to read$/)
  await app.screenshot('store-notice')
  // Nothing was rewritten.
  expect(readFileSync(log)).toEqual(edited)

  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toBeHidden()
  await expect.poll(() => app.trayModels.at(-1)?.tooltip).not.toMatch(/notice/)
  // Still listed in Settings → Data.
  await app.command({ kind: 'settings' })
  await app.page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('button', { name: 'Data & backup' })
    .click()
  const list = app.page.getByRole('region', { name: 'Repairs and notices' })
  await expect(list).toContainText('written by a newer version of Incident Tray')
  await app.screenshot('settings-notices')
})
