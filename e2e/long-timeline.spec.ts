import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { ManualClock } from '../electron/services/clock'
import { appendEvents } from '../electron/store/event-log'
import type { IncidentEvent } from '../electron/domain/events'
import { EVENT_SCHEMA_VERSION } from '../electron/domain/event-schemas'
import { testHost } from '../electron/testing/fixtures'
import { expect, test } from './fixtures'

/**
 * A timeline of thousands of entries, some of them tall pastes, read from end to end: the list
 * lays out only a slab of rows around the reader (slab.ts), and moving that slab must never show
 * a gap, an overlap, rows out of order, or make the rows in view jump. The retrospective's key
 * moments of the same incident are found by words and drawn only where they are in view.
 */

const START = Date.parse('2026-11-20T08:00:00Z')
const ENTRIES = 6_000

/** Row `i` (after the recording) says "Check i"; every 40th is a six-line paste, several times a row's estimate. */
function entries(id: string): IncidentEvent[] {
  return Array.from({ length: ENTRIES }, (_, i) => {
    const at = new Date(START + (i + 1) * 30_000).toISOString()
    const text = `Check ${i}: p95 ${400 + (i % 300)} ms`
    return {
      type: 'entry.added',
      id: `${id}-e${i}`,
      incidentId: id,
      seq: 2 + i,
      at,
      by: 'Dana',
      v: EVENT_SCHEMA_VERSION,
      entryId: `${id}-e${i}`,
      occurredAt: at,
      verified: true,
      content:
        i % 40 === 39
          ? {
              kind: 'paste',
              text: [text, ...Array.from({ length: 5 }, (_, n) => `  at line ${n}`)].join('\n'),
            }
          : { kind: 'note', text },
    } as IncidentEvent
  })
}

async function seed(dir: string): Promise<void> {
  const { host } = testHost(dir, new ManualClock(START))
  await host.call('settings:update', { you: { name: 'Dana' }, firstRun: { skipped: true } })
  const rec = await host.call('incident:record', {
    title: 'Search is slow for days',
    severity: 2,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!rec.ok) throw new Error(rec.error.message)
  host.close()
  appendEvents(join(dir, 'incidents', rec.value.id, 'events.jsonl'), entries(rec.value.id))
}

/** The rendered rows, top to bottom, with their "Check" number and box, and the view's box. */
const layout = (page: Page) =>
  page.locator('.timeline-scroll').evaluate((scroller) => {
    const view = scroller.getBoundingClientRect()
    const rows = [...scroller.querySelectorAll('.timeline-list > li')]
      .map((li) => {
        const r = li.getBoundingClientRect()
        const n = /Check (\d+):/.exec(li.textContent ?? '')
        const pending = li.classList.contains('timeline-pending')
        return { n: n ? Number(n[1]) : null, pending, top: r.top, bottom: r.bottom }
      })
      .sort((a, b) => a.top - b.top)
    const visible = rows.filter((r) => r.bottom > view.top + 1 && r.top < view.bottom - 1)
    return { view: { top: view.top, bottom: view.bottom }, rows, visible }
  })

/**
 * Rows follow each other without gap or overlap, in timeline order, cover the whole view, and
 * every row in view has arrived. Returns the number of the first row in view.
 */
async function expectWholeView(page: Page, where: string): Promise<number> {
  // A wheel scrolls smoothly over several frames: wait until it has come to rest.
  await expect
    .poll(() =>
      page.locator('.timeline-scroll').evaluate(async (el) => {
        const at = el.scrollTop
        await new Promise((resolve) => setTimeout(resolve, 150))
        return el.scrollTop === at
      }),
    )
    .toBe(true)
  let first = -1
  await expect(async () => {
    const { view, rows, visible } = await layout(page)
    expect(visible.length, `${where}: rows in view`).toBeGreaterThan(3)
    for (const row of visible)
      expect(row.pending, `${where}: a row in view still loading`).toBe(false)
    for (let i = 1; i < rows.length; i++) {
      expect(Math.abs(rows[i]!.top - rows[i - 1]!.bottom), `${where}: gap or overlap`).toBeLessThan(
        2,
      )
      if (rows[i]!.n !== null && rows[i - 1]!.n !== null) {
        expect(rows[i]!.n, `${where}: rows in order`).toBe(rows[i - 1]!.n! + 1)
      }
    }
    expect(visible[0]!.top, `${where}: the view's top is covered`).toBeLessThanOrEqual(view.top + 1)
    expect(visible.at(-1)!.bottom, `${where}: the view's bottom is covered`).toBeGreaterThanOrEqual(
      view.bottom - 1,
    )
    // The incident's first row is its recording, before "Check 0".
    first = visible[0]!.n ?? visible[1]!.n! - 1
  }).toPass({ timeout: 5_000 })
  return first
}

test('a 6,000-entry timeline reads from end to end without gaps, jumps or lost rows', async ({
  launchApp,
}, testInfo) => {
  test.setTimeout(120_000)
  // Playwright's own output folder for the test: removed with the test's other results.
  const dir = testInfo.outputPath('data')
  await seed(dir)
  const app = await launchApp({ dataDir: dir, now: new Date(START + (ENTRIES + 10) * 30_000) })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  const list = page.getByRole('list', { name: 'Timeline entries' })
  await expect(list.getByText('Check 0:', { exact: false })).toBeVisible()
  // Row -1 is the recording.
  expect(await expectWholeView(page, 'opened')).toBe(-1)

  // The wheel, down through several slabs: the rows in view only ever move on, by about what
  // was scrolled (1,500 px is 31 rows of 48 px: rows of earlier days carry their date; fewer
  // past a paste).
  const scroller = page.locator('.timeline-scroll')
  await scroller.hover()
  let before = -1
  for (let step = 1; step <= 40; step++) {
    await page.mouse.wheel(0, 1_500)
    const now = await expectWholeView(page, `wheel step ${step}`)
    expect(now - before, `wheel step ${step}: rows moved on`).toBeGreaterThan(15)
    expect(now - before, `wheel step ${step}: rows moved on`).toBeLessThan(60)
    before = now
  }
  expect(before, 'past the first slab').toBeGreaterThan(1_000)

  // And back up the same way.
  for (let step = 1; step <= 40; step++) {
    await page.mouse.wheel(0, -1_500)
    const now = await expectWholeView(page, `wheel up ${step}`)
    expect(before - now, `wheel up ${step}: rows moved back`).toBeGreaterThan(15)
    expect(before - now, `wheel up ${step}: rows moved back`).toBeLessThan(60)
    before = now
  }

  // A drag of the scrollbar to the middle lands in the middle.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
  const middle = await expectWholeView(page, 'middle')
  expect(Math.abs(middle - ENTRIES / 2), 'the middle row').toBeLessThan(ENTRIES / 10)

  // The end, then a new note: it shows in view, below the last seeded one.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(list.getByText(`Check ${ENTRIES - 1}:`)).toBeInViewport()
  await expectWholeView(page, 'end')
  await app.screenshot('long-timeline-end')
  const composer = page.getByRole('textbox', { name: 'Note' })
  await composer.fill(`Check ${ENTRIES}: still slow`)
  await page.keyboard.press('Enter')
  await expect(list.getByText(`Check ${ENTRIES}: still slow`)).toBeInViewport()

  // Back to the top.
  await scroller.evaluate((el) => (el.scrollTop = 0))
  expect(await expectWholeView(page, 'top again')).toBe(-1)
})

test('the retrospective’s key moments of a 6,000-entry incident: few rows drawn, one found by its words', async ({
  launchApp,
}, testInfo) => {
  const dir = testInfo.outputPath('data')
  await seed(dir)
  const app = await launchApp({ dataDir: dir, now: new Date(START + (ENTRIES + 10) * 30_000) })
  const { page } = app
  await page.getByRole('tab', { name: 'Retrospective' }).click()
  await page.getByRole('button', { name: 'Prepare retrospective' }).click()
  const ws = page.getByRole('dialog', { name: /Retrospective:/ })
  await expect(
    ws.getByText(`0 picked · ${(ENTRIES + 1).toLocaleString('en-US')} moments`),
  ).toBeVisible()
  // Only the rows in view (and a few around them) are drawn.
  const drawn = await ws.getByRole('checkbox').count()
  expect(drawn).toBeGreaterThan(3)
  expect(drawn).toBeLessThan(40)

  await ws.getByRole('searchbox', { name: 'Find a moment' }).fill('check 5998:')
  await expect(
    ws.getByText(`0 picked · 1 of ${(ENTRIES + 1).toLocaleString('en-US')} moments match`),
  ).toBeVisible()
  await ws.getByRole('checkbox', { name: /Check 5998: p95/ }).check()
  await expect(
    ws.getByText(`1 picked · 1 of ${(ENTRIES + 1).toLocaleString('en-US')} moments match`),
  ).toBeVisible()
  // The pick stays when the search is cleared, and the list is whole again.
  await ws.getByRole('searchbox', { name: 'Find a moment' }).fill('')
  await expect(
    ws.getByText(`1 picked · ${(ENTRIES + 1).toLocaleString('en-US')} moments`),
  ).toBeVisible()
  await ws.getByRole('searchbox', { name: 'Find a moment' }).fill('no such words')
  await expect(ws.getByText('No moment holds those words.')).toBeVisible()
  await app.screenshot('retro-key-moments-long')
})
