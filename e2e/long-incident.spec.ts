import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { App } from './harness'

/**
 * An incident that has run for days, with hundreds of entries, long pastes and links, in the
 * workspace at the sizes maintainers use: nothing scrolls under the header, and the timeline gets
 * most of the window.
 */

const HOUR = 3_600_000
const ENTRIES = 320
/** The newest entries are ordinary one-line notes: what the visible-row count is about. */
const LAST_NOTES = 24

const must = async <T>(call: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) => {
  const result = await call
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

function entryFor(i: number) {
  if (i <= ENTRIES - LAST_NOTES && i % 25 === 0) {
    const lines = Array.from(
      { length: 30 },
      (_, n) => `2026-11-2${3 + (i % 3)}T0${n % 10}:12:0${n % 10}Z api-7f9 ERROR search 500 ` + n,
    )
    return { kind: 'paste' as const, text: lines.join('\n') }
  }
  if (i <= ENTRIES - LAST_NOTES && i % 17 === 0) {
    return {
      kind: 'link' as const,
      title: `Grafana: API 5xx, day ${Math.ceil(i / 100)}`,
      url: `https://grafana.example.org/d/api-5xx?from=now-${i}h&to=now&var-cluster=prod-${i}&refresh=30s`,
    }
  }
  return { kind: 'note' as const, text: `Check ${i}: 5xx at ${i % 40}%, p95 ${700 + i} ms` }
}

/** Three days of notes, pastes and links, and a Mitigation panel longer than the window. */
async function recordLongIncident(app: App): Promise<string> {
  const { id } = await must(
    app.host.call('incident:record', {
      title: 'API returns 500 for all searches',
      observed: 'Every search on openverse.org answers 500.',
      severity: 1,
      detection: 'user-report',
      area: 'API',
      recorder: 'Dana',
    }),
  )
  for (let i = 1; i <= ENTRIES - LAST_NOTES; i++) {
    if (i % 12 === 0) await app.clock.advance(2 * HOUR)
    await must(app.host.call('timeline:add', { incidentId: id, entry: entryFor(i) }))
  }
  for (const name of ['API 5xx', 'ES cluster yellow', 'Thumbnail latency']) {
    await must(app.host.call('alarm:silence', { id, name }))
  }
  for (const what of ['search API pods', 'ES data nodes', 'thumbnail workers']) {
    await must(app.host.call('measure:start', { id, kind: 'restart', what, undoPlan: 'none' }))
  }
  for (let i = ENTRIES - LAST_NOTES + 1; i <= ENTRIES; i++) {
    await app.clock.advance(4 * 60_000)
    await must(app.host.call('timeline:add', { incidentId: id, entry: entryFor(i) }))
  }
  return id
}

/** Rows of the timeline whose whole box is in the list's visible part. */
const visibleRows = (page: Page) =>
  page.locator('.timeline-scroll').evaluate((scroller) => {
    const view = scroller.getBoundingClientRect()
    return [...scroller.querySelectorAll('.timeline-entry')].filter((row) => {
      const r = row.getBoundingClientRect()
      return r.height > 0 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1
    }).length
  })

/** Opens the long incident with a note just written: the list shows its newest rows. */
async function openLongIncident(app: App, size: { width: number; height: number }) {
  const { page } = app
  await page.setViewportSize(size)
  await recordLongIncident(app)
  await page.getByRole('textbox', { name: 'Note' }).fill(`Check ${ENTRIES + 1}: still 500s`)
  await page.keyboard.press('Enter')
  const list = page.getByRole('list', { name: 'Timeline entries' })
  await expect(list.getByText(`Check ${ENTRIES + 1}: still 500s`)).toBeInViewport()
}

test('long incident at 1280×800: the timeline shows at least 9 one-line notes', async ({
  launchApp,
}) => {
  test.setTimeout(120_000)
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  await openLongIncident(app, { width: 1280, height: 800 })
  const rows = await visibleRows(app.page)
  console.log(`1280x800: ${rows} timeline rows fully visible`)
  await app.screenshot('long-incident-1280x800')
  expect(rows, 'one-line notes fully visible at 1280×800').toBeGreaterThanOrEqual(9)
})
