import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { SCREENSHOT_DIR, type App } from './harness'
import { openPanel, PANEL_NAMES } from './workspace'

/** The incident workspace: sticky header, timeline first, panels one key away. */

const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'compact', width: 420, height: 700 },
] as const
const SHOTS = join(SCREENSHOT_DIR, 'workspace')
mkdirSync(SHOTS, { recursive: true })

async function recordWithHistory(app: App, entries = 30): Promise<string> {
  const recorded = await app.host.call('incident:record', {
    title: 'API returns 500 for all searches',
    observed: 'Every search on openverse.org answers 500.',
    severity: 1,
    detection: 'user-report',
    area: 'API',
    recorder: 'Dana',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  const id = recorded.value.id
  for (let i = 1; i <= entries; i++) {
    await app.host.call('timeline:add', {
      incidentId: id,
      entry: { kind: 'note', text: `Finding ${i}: checked the search logs` },
    })
  }
  await app.host.call('alarm:silence', { id, name: 'API 5xx' })
  await app.host.call('measure:start', {
    id,
    kind: 'restart',
    what: 'search API pods',
    undoPlan: 'nothing to undo',
  })
  return id
}

/** The whole box of the element lies inside the window, with no scrolling. */
async function expectInViewport(page: Page, selector: string, what: string) {
  const box = await page.locator(selector).first().boundingBox()
  const size = page.viewportSize()!
  expect(box, `${what} is laid out`).not.toBeNull()
  expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0)
  expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(size.height)
  expect(box!.x + box!.width, `${what} right`).toBeLessThanOrEqual(size.width)
}

const COMPOSER = 'form[aria-label="Add to the timeline"] textarea'
const COUNTDOWN = '[data-testid="countdown"]'

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${size.name} ${size.width}×${size.height}, ${colorScheme}: composer and countdown in view, panels by key, header stays`, async ({
      launchApp,
    }) => {
      // Axe scans of every panel: about 45 s alone, past the minute on a shared machine.
      test.slow()
      const app = await launchApp({ settings: { you: { name: 'Dana' } } })
      const { page } = app
      await page.setViewportSize({ width: size.width, height: size.height })
      await page.emulateMedia({ colorScheme })
      await recordWithHistory(app)
      const header = page.getByRole('region', { name: 'API returns 500 for all searches' })
      await expect(header).toBeVisible()

      // Opened: the cursor is in the composer, and it and the countdown are in view unscrolled.
      await expect(page.locator(COMPOSER)).toBeFocused()
      await expectInViewport(page, COMPOSER, 'the composer')
      await expectInViewport(page, COUNTDOWN, 'the countdown')
      // Docked, what is left open waits in the status row's menu, with the lead.
      const more = header.getByRole('region', { name: 'Status', exact: true }).locator('summary')
      if (size.name === 'compact') await more.click()
      const glance = header.getByRole('button', { name: '1 alarm silenced · 1 measure not undone' })
      await expect(glance).toBeInViewport()
      if (size.name === 'compact') await more.click()
      await page.screenshot({ path: join(SHOTS, `${size.name}-${colorScheme}-timeline.png`) })

      // The header stays put while the timeline scrolls to its end.
      const before = await header.boundingBox()
      await page.locator('.timeline-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight))
      await expect(
        page.getByRole('list', { name: 'Timeline entries' }).getByText('Finding 30: checked'),
      ).toBeVisible()
      await expect(header).toBeInViewport()
      expect((await header.boundingBox())!.y).toBe(before!.y)
      await expectInViewport(page, COUNTDOWN, 'the countdown after scrolling')

      // Each panel by keyboard: Alt+1…5 opens it and moves focus into it; axe passes on each.
      for (const [i, name] of PANEL_NAMES.entries()) {
        await page.keyboard.press(`Alt+${i + 1}`)
        const panel = page.getByRole('tabpanel', { name, exact: true })
        await expect(panel).toBeVisible()
        await expect(panel).toBeFocused()
        await expect(panel.getByRole('heading', { name, exact: true })).toBeVisible()
        await expect(header).toBeInViewport()
        await expectAccessible(page, `${name} panel, ${size.name}, ${colorScheme}`)
        await page.screenshot({
          path: join(
            SHOTS,
            `${size.name}-${colorScheme}-${name.toLowerCase().replace(' ', '-')}.png`,
          ),
        })
      }
      if (size.name === 'compact') {
        // Compact: a panel covers the timeline until "← Timeline" brings it back.
        await expect(page.locator(COMPOSER)).toBeHidden()
        await page.getByRole('button', { name: '← Timeline' }).click()
        await expect(page.locator(COMPOSER)).toBeVisible()
        await expectInViewport(page, COMPOSER, 'the composer, back from a panel')
      } else {
        // Wide: the panel sits beside the timeline; the composer stays.
        await expectInViewport(page, COMPOSER, 'the composer beside a panel')
      }
    })
  }
}

test('the palette opens panels, and each incident remembers its own', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await recordWithHistory(app, 2)
  const other = await app.host.call('incident:record', {
    title: 'Thumbnails slow',
    severity: 3,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!other.ok) throw new Error(other.error.message)
  const list = page.getByRole('navigation', { name: 'Incidents' })
  await list.getByRole('button', { name: /API returns 500/ }).click()

  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await palette.getByRole('combobox').fill('show communications')
  await expect(palette.getByRole('option').first()).toContainText('Alt+2')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('tabpanel', { name: 'Communications' })).toBeVisible()

  await list.getByRole('button', { name: /Thumbnails slow/ }).click()
  await expect(page.getByRole('heading', { name: 'Thumbnails slow' })).toBeVisible()
  await openPanel(page, 'Details')
  await list.getByRole('button', { name: /API returns 500/ }).click()
  await expect(page.getByRole('tabpanel', { name: 'Communications' })).toBeVisible()
  await list.getByRole('button', { name: /Thumbnails slow/ }).click()
  await expect(page.getByRole('tabpanel', { name: 'Details' })).toBeVisible()
})

test('compact window end to end: record, note, copy update', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await page.setViewportSize({ width: 420, height: 700 })
  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await dialog.getByLabel('Title').fill('Search returns nothing')
  await dialog.getByLabel('What do you see?').fill('Every search comes back empty.')
  await dialog.getByRole('radio', { name: /Severity 2/ }).check()
  await dialog.getByRole('radio', { name: 'User report' }).check()
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()

  // The note: typed where the cursor already is, shown right above the composer.
  const composer = page.locator(COMPOSER)
  await expect(composer).toBeFocused()
  await page.keyboard.type('Rolled back the 13:40 deploy')
  await page.keyboard.press('Enter')
  const added = page
    .getByRole('list', { name: 'Timeline entries' })
    .getByText('Rolled back the 13:40 deploy')
  await expect(added).toBeInViewport()

  // Copy update: the P2 status comment on the clipboard, counted as the posted update.
  await app.clock.advance(50 * 60_000)
  const countdown = page.getByRole('region', { name: 'Next status update' })
  await countdown.getByRole('button', { name: 'Copy update' }).click()
  await expect(countdown).toContainText('Copied the status comment: counted as posted.')
  expect(app.clipboard.text()).toContain('Rolled back the 13:40 deploy')
  await expect(
    page.getByRole('list', { name: 'Timeline entries' }).getByText(/^Posted an update by copying/),
  ).toBeInViewport()
  const summary = app.host.snapshot().incidents[0]!
  expect(summary.lastUpdateAt).toBe(app.clock.now().toISOString())
  await page.screenshot({ path: join(SHOTS, 'compact-after-copy-update.png') })

  // Panels as a menu.
  await page.locator('.panel-menu summary').click()
  await page.getByRole('button', { name: /^Communications/ }).click()
  await expect(page.getByRole('region', { name: 'Communications' })).toBeVisible()
  await expect(page.locator(COMPOSER)).toBeHidden()
})
