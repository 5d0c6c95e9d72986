import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { openPanel } from './workspace'

test('records an incident through the UI, sees it in the scratchpad, and keeps it across a restart', async ({
  launchApp,
}) => {
  const app = await launchApp()
  const { page } = app
  await expect(page.getByRole('heading', { name: 'No incidents recorded' })).toBeVisible()

  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Title').fill('API returns 500 for all searches')
  await dialog
    .getByLabel('What do you see?')
    .fill('Every /v1/images/ search answers 500 since 13:50 UTC.')
  await dialog.getByRole('radio', { name: /Severity 1/ }).check()
  await expect(dialog.getByText('The API is serving error codes for all searches')).toBeVisible()
  await dialog.getByRole('radio', { name: 'User report' }).check()
  await dialog.getByLabel('Affected area').fill('API')
  await dialog.getByLabel('Recorded by (you)').fill('Dana')
  await app.screenshot('record-dialog')
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()

  const header = page.getByRole('region', { name: 'API returns 500 for all searches' })
  await expect(header.getByText('Severity 1', { exact: true })).toBeVisible()
  await expect(header.getByText('Stabilization pending').first()).toBeVisible()
  await expect(header.getByText('No lead yet').first()).toBeVisible()
  // Who recorded it and how old it is sit in the Details panel.
  await openPanel(page, 'Details')
  const details = page.getByRole('region', { name: 'Details' })
  await expect(details.getByText('Dana', { exact: true })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Incidents' })).toContainText('API returns 500')
  await app.clock.advance(12 * 60_000)
  await expect(details.getByText('12 min', { exact: true })).toBeVisible()
  await app.screenshot('scratchpad')

  // The name given on first use is remembered for the next recording.
  expect(app.host.settings().you.name).toBe('Dana')
  expect(app.trayModels.at(-1)?.items.some((i) => i.kind === 'incident')).toBe(true)

  await app.restart()
  await expect(
    app.page.getByRole('region', { name: 'API returns 500 for all searches' }),
  ).toBeVisible()
  await expect(
    app.page.getByRole('region', { name: 'Timeline' }).getByText('Recorded by Dana'),
  ).toBeVisible()
})

test('a recording reached from the tray or a shortcut opens the same dialog', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Sam' } } })
  await app.command({ kind: 'record' })
  const dialog = app.page.getByRole('dialog', { name: 'Record an incident' })
  // A name in settings is the recorder: said, not asked again.
  await expect(dialog.getByText('Recorded by')).toBeVisible()
  await expect(dialog.getByText('Sam', { exact: false })).toBeVisible()
  await expect(dialog.getByLabel('Recorded by (you)')).toHaveCount(0)
  await app.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('bad input gets a clear error and writes nothing', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Sam' } } })
  const { page } = app

  // Through the UI: an empty title is refused and what was typed stays.
  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await dialog.getByLabel('What do you see?').fill('Thumbnails are slow')
  await dialog.getByRole('radio', { name: /Severity 3/ }).check()
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog.getByRole('alert')).toContainText('Give the incident a title')
  await expect(dialog.getByLabel('What do you see?')).toHaveValue('Thumbnails are slow')

  // Straight through window.api, as a compromised or buggy renderer might.
  const results = await page.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        api: Record<string, Record<string, (i: unknown) => Promise<unknown>>>
      }
    ).api
    const base = { detection: 'alert', recorder: 'Sam' }
    return Promise.all([
      api.incident!.record!({ ...base, title: '   ', severity: 1 }),
      api.incident!.record!({ ...base, title: 'Down', severity: 7 }),
      api.incident!.record!({ ...base, title: 'Down', severity: 'high' }),
      api.incident!.record!('not an object'),
      api.incident!.record!({ ...base, title: 'Down', severity: 1, admin: true }),
      api.incident!.get!({ id: '../../etc/passwd' }),
    ])
  })
  const errors = results.map(
    (r) => (r as { ok: boolean; error?: { message: string } }).error?.message,
  )
  expect(results.every((r) => (r as { ok: boolean }).ok === false)).toBe(true)
  expect(errors[0]).toContain('Give the incident a title')
  expect(errors[1]).toContain(
    'Severity 7 is not on the Openverse (Severity 1–3) scale; choose one of 1, 2, 3',
  )
  expect(errors[2]).toContain('Choose a severity')
  expect(errors[4]).toContain('Unexpected field admin')
  expect(errors[5]).toContain('not an incident id')

  expect(app.host.snapshot().incidents).toHaveLength(0)
  expect(readdirSync(join(app.dataDir, 'incidents'))).toHaveLength(0)
})
