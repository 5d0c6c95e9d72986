import type { Page } from '@playwright/test'
import type { App } from './harness'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import {
  controlPositions,
  expectNoShift,
  expectNothingClipped,
  expectTimelineHalf,
} from './walk-checks'

/**
 * A whole incident from recording to Reviewed through the UI, as a tired maintainer walks it:
 * wide and docked, light and dark. At each step the next move is the prominent button and its
 * first click acts, nothing moves under the pointer while typing and saving, no control cuts
 * its text, and the timeline keeps at least half the window.
 */

const SIZES = [
  { width: 1280, height: 800, name: '1280x800' },
  { width: 420, height: 700, name: '420x700' },
] as const

const status = (page: Page) => page.getByRole('region', { name: 'Status', exact: true })
const composer = (page: Page) => page.getByRole('form', { name: 'Add to the timeline' })

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the 3 a.m. walk at ${size.name}, ${theme}`, async ({ launchApp }) => {
      test.setTimeout(120_000)
      const app = await launchApp({
        settings: { you: { name: 'Dana' }, appearance: { theme } },
      })
      const { page } = app
      await page.setViewportSize({ width: size.width, height: size.height })
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      const docked = size.width < 760
      const shot = (screen: string) => app.screenshot(`walk-${size.name}-${theme}-${screen}`)
      const a11y = async (screen: string) => {
        if (docked && theme === 'light') await expectAccessible(page, `${screen} at 420 px`)
      }

      await record(app)
      await checkHeader(app, 'pending', 'Stabilized…')
      if (docked) await dockedHeader(page, shot)
      await shot('pending')
      await a11y('the workspace')
      await addNoteWithoutShift(page)

      await nextStep(page, 'Stabilized…', 'Rolled back the API deploy')
      await checkHeader(app, 'stabilized', 'Under investigation')
      await shot('stabilized')
      await nextStep(page, 'Under investigation')
      await checkHeader(app, 'investigating', 'Resolved…')
      await shot('investigating')

      await resolveInPlace(app, shot, a11y)
      await checkHeader(app, 'resolved', 'Reviewed')
      await expectNoLeadNagGone(page)
      // The quieter moves: in a menu when docked, never louder than the next step.
      const others = status(page).getByRole('group').locator('summary')
      if (docked) await others.click()
      await expect(status(page).getByRole('button', { name: 'It happened again…' })).toHaveClass(
        /quiet/,
      )
      if (docked) await others.click()
      await shot('resolved')

      await retrospectiveFirst(app, shot, a11y)
      await skipToReviewed(page)
      await shot('reviewed')
      await expectTimelineHalf(page, 'reviewed')
      await expectNoLeadNagGone(page)

      await showView(page, docked, 'History')
      await expect(page.getByRole('heading', { name: 'History' })).toBeVisible()
      await expectNothingClipped(page, 'History')
      await shot('history')
      await a11y('History')
      await showView(page, docked, 'Insights')
      await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible()
      await expectNothingClipped(page, 'Insights')
      // Nothing runs past the right edge: no card or chart wider than the page that holds it.
      const overflow = await page
        .locator('main.page')
        .evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow, 'Insights runs past the right edge').toBeLessThanOrEqual(0)
      await shot('insights')
      await a11y('Insights')
    })
  }
}

async function record(app: App) {
  const { page } = app
  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Title').fill('Search API answers 500 for everyone')
  await dialog
    .getByRole('radio', { name: /Severity 1/ })
    .first()
    .check()
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { name: /Search API answers 500/ })).toBeVisible()
}

/** The header says where the incident stands; its one primary move is the next step. */
async function checkHeader(app: App, screen: string, next: string) {
  const { page } = app
  const primary = status(page).locator('button.primary')
  await expect(primary).toHaveCount(1)
  await expect(primary).toHaveText(next)
  await expectNothingClipped(page, screen)
  await expectTimelineHalf(page, screen)
}

/**
 * Docked, one row holds the status and the next move; the lead waits in that row's menu, which
 * says "No lead…" while there is none; the countdown shows the clock time it runs to.
 */
async function dockedHeader(page: Page, shot: (screen: string) => Promise<void>) {
  const row = status(page)
  const head = (await page.locator('.workspace-head').boundingBox())?.height ?? 0
  expect(head, 'the docked header takes at most a fifth of the window').toBeLessThanOrEqual(
    page.viewportSize()!.height / 5,
  )
  const due = page.getByRole('region', { name: 'Next status update' }).locator('time')
  await expect(due).toHaveText('15:00')
  expect((await due.boundingBox())?.width ?? 0, 'the due time is shown').toBeGreaterThan(20)
  await row.getByText('No lead…').click()
  await shot('pending-menu')
  await row.getByRole('button', { name: 'Choose lead…' }).click()
  const picker = page.getByRole('dialog', { name: 'Choose lead' })
  await expect(picker).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(picker).toBeHidden()
}

/** Once resolved, nobody is left to choose as lead: no "No lead yet" anywhere. */
async function expectNoLeadNagGone(page: Page) {
  await expect(page.getByText(/no lead/i)).toHaveCount(0)
}

async function addNoteWithoutShift(page: Page) {
  const head = page.locator('.workspace-head')
  const before = await controlPositions(head)
  const beforeComposer = await controlPositions(composer(page))
  await page
    .getByRole('textbox', { name: 'Note' })
    .pressSequentially('Error rate 100% on /v1/search')
  expectNoShift(beforeComposer, await controlPositions(composer(page)), 'typing a note')
  await composer(page).getByRole('button', { name: 'Add' }).click()
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('')
  await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toContainText(
    'Error rate 100% on /v1/search',
  )
  expectNoShift(before, await controlPositions(head), 'adding a note (header)')
  expectNoShift(beforeComposer, await controlPositions(composer(page)), 'adding a note')
}

/** The next step's first click opens its dialog; the move lands. */
async function nextStep(page: Page, button: string, summary?: string) {
  await status(page).getByRole('button', { name: button }).click()
  const dialog = page.getByRole('dialog', { name: /^Move to/ })
  await expect(dialog).toBeVisible()
  if (summary) await dialog.getByRole('textbox').fill(summary)
  await dialog.getByRole('button', { name: /^Move to/ }).click()
  await expect(dialog).toBeHidden()
}

type Shot = (screen: string) => Promise<void>

async function resolveInPlace(app: App, shot: Shot, a11y: (screen: string) => Promise<void>) {
  const { page } = app
  await status(page).getByRole('button', { name: 'Resolved…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Resolve “/ })
  await expect(dialog).toBeVisible()
  const resolve = dialog.getByRole('button', { name: 'Resolve', exact: true })
  // Only what still matters: no tag of a status already left.
  await expect(dialog.getByRole('listitem')).not.toHaveText([/#status-recorded/])
  await expect(dialog).not.toContainText('#status-stabilized')
  await expect(resolve).toBeDisabled()
  await expect(resolve).toHaveAccessibleDescription(/still open above/)
  await expect(dialog.getByRole('button', { name: 'Resolve anyway' })).toHaveAccessibleDescription(
    'Type a reason to resolve anyway.',
  )
  await dialog
    .getByLabel('Solution summary')
    .fill('Restored the missing setting; CI checks it now.')
  await expectNothingClipped(page, 'the resolve dialog, blocked')
  await shot('resolve-blocked')
  await a11y('the resolve dialog')
  // Each line is done right there; the first click on each acts.
  const open = dialog.getByRole('checkbox')
  for (let left = await open.count(); left > 0; left--) {
    await open.first().click()
    await expect(open).toHaveCount(left - 1)
  }
  await expect(dialog.getByText('✓ Nothing left silenced, undone or uncommunicated.')).toBeVisible()
  await expect(resolve).toBeEnabled()
  await shot('resolve-clear')
  await resolve.click()
  await expect(dialog).toBeHidden()
}

/** Reviewed leads to the retrospective; typing there and adding an action item land at once. */
async function retrospectiveFirst(app: App, shot: Shot, a11y: (screen: string) => Promise<void>) {
  const { page } = app
  await status(page).getByRole('button', { name: 'Reviewed' }).click()
  const ask = page.getByRole('dialog', { name: 'Reviewed comes after the retrospective' })
  await ask.getByRole('button', { name: 'Open the retrospective' }).click()
  const ws = page.getByRole('dialog', { name: /Retrospective:/ })
  await expect(ws).toBeVisible()
  const add = ws.getByRole('button', { name: 'Add an action item' })
  await add.scrollIntoViewIfNeeded()
  // The footer ("Still missing…", the save state) keeps its place while the draft saves.
  const footer = ws.locator('.retro-footer')
  const before = await controlPositions(footer)
  await ws.getByLabel('5-whys chain 1, root cause').fill('Settings are not checked in CI.')
  // Straight after typing, while the draft saves: the first click adds the item.
  await add.click()
  await expect(ws.getByLabel('Action item 1 title')).toBeVisible()
  await expect(ws.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  expectNoShift(before, await controlPositions(footer), 'the draft saved')
  await ws.getByLabel('Action item 1 title').fill('Check every setting in CI')
  await ws.getByLabel('Action item 1 type').selectOption('preventative')
  await ws.getByLabel('Action item 1 category').selectOption({ index: 1 })
  await expectNothingClipped(page, 'the retrospective')
  const owner = await ws.getByLabel('Action item 1 owner').boundingBox()
  expect(owner?.width ?? 0, 'the owner box is wide enough to read a name').toBeGreaterThan(120)
  await ws.getByLabel('Action item 1 title').scrollIntoViewIfNeeded()
  await shot('retrospective')
  await a11y('the retrospective')
  await ws.getByRole('button', { name: 'Close' }).click()
  await expect(ws).toBeHidden()
}

async function skipToReviewed(page: Page) {
  await status(page).getByRole('button', { name: 'Reviewed' }).click()
  const ask = page.getByRole('dialog', { name: 'Reviewed comes after the retrospective' })
  await ask.getByLabel('Why not? (goes on the timeline)').fill('Held with the infra review')
  await ask.getByRole('button', { name: 'Mark reviewed without it' }).click()
  await expect(ask).toBeHidden()
  await expect(status(page).locator('[aria-current="step"]')).toContainText('Reviewed')
  await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toContainText(
    'Held with the infra review',
  )
}

async function showView(page: Page, docked: boolean, view: 'History' | 'Insights') {
  if (docked) await page.getByRole('combobox', { name: 'View' }).selectOption({ label: view })
  else
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: view })
      .click()
}
