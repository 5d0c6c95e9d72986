import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import type { App } from './harness'
import { seedHistory } from './history-seed'

const rows = (page: Page) => page.getByRole('list', { name: 'Incidents found' }).locator('> li')
const titles = async (page: Page) =>
  (await rows(page).locator('.history-title').allTextContents()).sort()

async function seeded(launchApp: (o: { dataDir: string }) => Promise<App>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'incident-tray-history-'))
  const { ids } = await seedHistory(dataDir)
  const app = await launchApp({ dataDir })
  return { app, ids }
}

test('history: filters and search find the right incidents; a past one opens read-only', async ({
  launchApp,
}) => {
  const { app, ids } = await seeded(launchApp)
  const { page } = app
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'History' })
    .click()
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible()
  await expect(page.getByText('6 incidents', { exact: true })).toBeVisible()
  await expect(rows(page)).toHaveCount(6)
  // Newest first.
  await expect(rows(page).first()).toContainText('Elasticsearch disk almost full')
  await app.screenshot('history')
  await expectAccessible(page, 'history')

  const filters = page.getByRole('search')
  await filters.getByLabel('Status').selectOption('resolved')
  await expect(page.getByText('4 of 6 incidents')).toBeVisible()
  await filters.getByLabel('Lead').selectOption('Ali')
  expect(await titles(page)).toEqual(['Login loop for SSO users', 'Search API returns 500'])
  await filters.getByLabel('From').fill('2026-11-01')
  expect(await titles(page)).toEqual(['Login loop for SSO users'])
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows(page)).toHaveCount(6)
  await filters.getByLabel('Severity').selectOption('2')
  expect(await titles(page)).toEqual([
    'Elasticsearch disk almost full',
    'Thumbnails missing on image pages',
  ])
  await filters.getByLabel('Severity').selectOption('')
  await filters.getByLabel('Status').selectOption('active')
  expect(await titles(page)).toEqual(['Audio search is slow', 'Elasticsearch disk almost full'])
  await page.getByRole('button', { name: 'Clear filters' }).click()

  // Full text: timeline words, every word, not deleted entries.
  const search = filters.getByLabel('Search titles and timelines')
  await search.fill('redis pool')
  expect(await titles(page)).toEqual(['Search API returns 500'])
  await search.fill('es-data-2')
  expect(await titles(page)).toEqual(['Elasticsearch disk almost full'])
  await search.fill('wrong graph')
  await expect(page.getByText('No incident matches')).toBeVisible()
  await search.fill('search')
  await filters.getByLabel('Status').selectOption('resolved')
  expect(await titles(page)).toEqual(['Search API returns 500', 'Search API returns 500 again'])
  await app.screenshot('history-filtered')

  // A past incident opens read-only, with the way to reopen it.
  await rows(page).filter({ hasText: 'Search API returns 500 again' }).getByRole('button').click()
  await expect(page.getByRole('heading', { name: 'Search API returns 500 again' })).toBeVisible()
  const banner = page.getByRole('note')
  await expect(banner).toContainText('This record is read-only')
  await expect(page.getByRole('button', { name: 'It happened again…' })).toBeVisible()
  await expect(page.getByRole('form', { name: 'Add to the timeline' })).toHaveCount(0)
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline.getByRole('button', { name: 'Edit' })).toHaveCount(0)
  await expect(timeline).toContainText('Recurrence of')
  await app.screenshot('history-past-incident')
  expect(ids.recurrence).toBeTruthy()

  // Export it: report.md and its images in one zip.
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'History' })
    .click()
  await search.fill('')
  await rows(page)
    .filter({ hasText: /^Search API returns 500(?! again)/ })
    .getByRole('button')
    .click()
  await expect(
    page.getByRole('heading', { name: 'Search API returns 500', exact: true }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Export (.zip)' }).click()
  await expect(page.getByRole('note')).toContainText(`incident-${ids.search500}.zip`)
  const zip = unzipSync(readFileSync(app.files.saved.at(-1)!.path))
  const report = strFromU8(zip[`incident-${ids.search500}/report.md`]!)
  expect(report).toContain('Redis connection pool exhausted on db-3')
  expect(report).not.toContain('kubelet')
  const image = Object.keys(zip).find((name) => name.endsWith('.png'))!
  expect(report).toContain(`![Redis pool graph](images/${image.split('/').pop()})`)
})

test('insights: charts and tables show the known figures', async ({ launchApp }) => {
  const { app } = await seeded(launchApp)
  const { page } = app
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Insights' })
    .click()
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible()
  // 4 of the 6 posted updates came within the cadence (the seed says which).
  const punctuality = page.getByRole('region', { name: 'Status updates posted on time' })
  await expect(punctuality).toContainText('67% on time')
  await expect(punctuality).toContainText('(4 of 6 updates)')
  const leads = page.getByRole('region', { name: /Who led/ })
  await expect(leads.locator('svg.chart')).toHaveAttribute(
    'aria-label',
    'Incidents led: No lead 2; Ali 2; Dana 1; Mia 1',
  )
  await expect(page.getByRole('region', { name: 'Recurring incidents' })).toContainText(
    'Search API returns 500 again',
  )
  const weekly = page.getByRole('region', { name: 'Incidents per week, by severity' })
  await expect(weekly.locator('svg.chart')).toHaveAttribute(
    'aria-label',
    /^6 incidents in the last 12 weeks/,
  )
  await expect(weekly.locator('rect.bar')).toHaveCount(5)
  await app.screenshot('insights')
  await weekly.getByText('Show as table').click()
  const table = weekly.getByRole('table')
  // Week of 12 Oct: one level-1 incident (weeks read as ISO dates do, month first).
  await expect(table.getByRole('row', { name: /^10-12 1 0 0 1$/ })).toBeVisible()
  const durations = page.getByRole('region', { name: 'Time to stabilize and to resolve' })
  await durations.getByText('Show as table').click()
  await expectAccessible(page, 'insights')
  await app.screenshot('insights-tables')
})

test('a damaged index and facts file: History and Insights show the same figures, and say what was rebuilt', async ({
  launchApp,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'incident-tray-history-'))
  const { ids } = await seedHistory(dataDir)
  // By hand, with the app closed: one index entry edited into another shape, and the facts file
  // cut short.
  const indexPath = join(dataDir, 'index.json')
  const index = JSON.parse(readFileSync(indexPath, 'utf8'))
  index.incidents[ids.login].summary.title = 42
  writeFileSync(indexPath, JSON.stringify(index))
  const factsPath = join(dataDir, 'index-facts.json')
  writeFileSync(factsPath, readFileSync(factsPath, 'utf8').slice(0, 300))
  const app = await launchApp({ dataDir })
  const { page } = app
  const views = page.getByRole('navigation', { name: 'Views' })

  await views.getByRole('button', { name: 'History' }).click()
  await expect(rows(page)).toHaveCount(6)
  expect(await titles(page)).toContain('Login loop for SSO users')

  await views.getByRole('button', { name: 'Insights' }).click()
  const punctuality = page.getByRole('region', { name: 'Status updates posted on time' })
  await expect(punctuality).toContainText('(4 of 6 updates)')
  await expect(page.getByRole('region', { name: /Who led/ }).locator('svg.chart')).toHaveAttribute(
    'aria-label',
    'Incidents led: No lead 2; Ali 2; Dana 1; Mia 1',
  )
  const notice = page.getByRole('status').filter({ hasText: 'index of insight figures' })
  await expect(notice).toContainText('was damaged; it was kept as')
  await expect(notice).toContainText('index-facts.json.corrupt-')
  expect(readdirSync(dataDir).some((f) => f.startsWith('index-facts.json.corrupt-'))).toBe(true)
})

test('backup: export all, import into a fresh data folder, identical; a damaged file changes nothing', async ({
  launchApp,
}) => {
  const { app: source } = await seeded(launchApp)
  await source.page.getByRole('button', { name: 'Settings' }).click()
  const settings = source.page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('button', { name: 'Data & backup' }).click()
  await settings.getByRole('button', { name: 'Back up everything…' }).click()
  await expect(settings.getByRole('status')).toContainText('Saved 6 incidents to')
  const backup = source.files.saved.at(-1)!.path

  const target = await launchApp({})
  const { page } = target
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByRole('button', { name: 'Data & backup' }).click()

  // A damaged archive: a clear error, nothing imported.
  const damaged = join(target.dataDir, 'damaged.zip')
  writeFileSync(damaged, readFileSync(backup).subarray(0, 3000))
  target.picker.answer(damaged)
  await dialog.getByRole('button', { name: 'Choose backup…' }).click()
  await expect(dialog.getByRole('alert')).toContainText('That backup cannot be imported')
  await expect(dialog.getByRole('alert')).toContainText('Nothing was changed')
  expect(readdirSync(join(target.dataDir, 'incidents'))).toEqual([])

  target.picker.answer(backup)
  await dialog.getByRole('button', { name: 'Choose backup…' }).click()
  await expect(dialog.getByLabel('Chosen backup')).toHaveText(backup)
  const plan = dialog.getByLabel('What the import will do')
  await expect(plan.getByText('New: will be added')).toHaveCount(6)
  await plan.getByRole('checkbox', { name: /Also restore the backup’s settings/ }).check()
  await target.screenshot('import-plan')
  await plan.getByRole('button', { name: 'Import 6 incidents' }).click()
  await expect(dialog.getByRole('status')).toContainText('Imported 6 incidents; settings restored.')
  await page.keyboard.press('Escape')

  // Identical: every incident's full state, and every image byte for byte.
  const ids = source.host.snapshot().incidents.map((i) => i.id)
  expect(target.host.snapshot().incidents.map((i) => i.id)).toEqual(ids)
  for (const id of ids) {
    const mine = await source.host.call('incident:get', { id })
    const theirs = await target.host.call('incident:get', { id })
    expect(theirs).toEqual(mine)
    const images = readdirSync(join(source.dataDir, 'incidents', id, 'attachments'))
    expect(readdirSync(join(target.dataDir, 'incidents', id, 'attachments'))).toEqual(images)
    for (const name of images) {
      const a = readFileSync(join(source.dataDir, 'incidents', id, 'attachments', name))
      const b = readFileSync(join(target.dataDir, 'incidents', id, 'attachments', name))
      expect(b.equals(a)).toBe(true)
    }
  }
  expect(target.host.settings().you.name).toBe('Dana')
  // The imported incidents show in the app at once.
  await expect(page.getByRole('navigation', { name: 'Incidents' })).toContainText(
    'Elasticsearch disk almost full',
  )
})
