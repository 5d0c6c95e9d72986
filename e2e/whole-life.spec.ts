import { strFromU8, unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import type { App } from './harness'
import { expect, test } from './fixtures'
import { openPanel } from './workspace'

/**
 * Two incidents of our own making replayed through the UI over their whole life: a 70-day latency
 * investigation with daily updates, and an outage that crosses midnight UTC with back-dated
 * entries. What a maintainer would paste is checked at each step.
 */

const DAY = 86_400_000
const HOUR = 3_600_000
const SECRET = 'sk_live_51HxQkLJd8fA2pQ9rT3vW7yZ'

const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name })
const comms = (page: Page) => region(page, 'Communications')
const composer = (page: Page) => page.getByRole('form', { name: 'Add to the timeline' })

async function recordThroughTheUi(app: App, title: string, severity: string) {
  const { page } = app
  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await expect(dialog).toBeVisible()
  // At 1280×800 the whole dialog fits: no scrolling to reach "Record incident".
  const fits = await dialog.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)
  expect(fits, 'the record dialog scrolls at 1280×800').toBe(true)
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByLabel('What do you see?').fill('p99 of /v1/images went from 800 ms to 1.7 s.')
  await dialog
    .getByRole('radio', { name: new RegExp(severity) })
    .first()
    .check()
  // "Recorded by" is the name in settings, else a field prefilled from the system: nobody has
  // to type a name.
  const saved = app.host.settings().you.name
  if (saved) await expect(dialog.getByText(saved, { exact: true })).toBeVisible()
  else await expect(dialog.getByLabel('Recorded by (you)')).not.toHaveValue('')
  // Each incident's own name: the two tests run in parallel and would overwrite one file.
  await app.screenshot(`record-dialog-${severity.toLowerCase().replace(' ', '-')}-1280x800`)
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()
}

async function note(page: Page, text: string, when?: string) {
  await composer(page).getByRole('radio', { name: 'Note' }).click()
  await page.getByRole('textbox', { name: 'Note' }).fill(text)
  if (when) await composer(page).getByLabel('Happened at').fill(when)
  await composer(page).getByRole('button', { name: 'Add' }).click()
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('')
}

async function pasteSecret(page: Page) {
  await composer(page).getByRole('radio', { name: 'Paste log' }).click()
  await page
    .getByRole('textbox', { name: 'Pasted text' })
    .fill(`POST /v1/images 401\nAuthorization: Bearer ${SECRET}`)
  await composer(page).getByRole('button', { name: 'Add' }).click()
  await expect(page.locator('mark.secret').first()).toBeVisible()
  // A pasted log is internal until someone makes it public: this one is, so outputs quote it.
  await page
    .locator('.entry')
    .filter({ hasText: 'POST /v1/images 401' })
    .getByRole('button', { name: 'Internal: make public' })
    .click()
  await expect(
    page
      .locator('.entry')
      .filter({ hasText: 'POST /v1/images 401' })
      .getByRole('button', { name: 'Public: make internal' }),
  ).toBeVisible()
}

async function move(page: Page, button: string, summary?: string) {
  await region(page, 'Status').getByRole('button', { name: button }).click()
  const dialog = page.getByRole('dialog', { name: /^Move to/ })
  if (summary) await dialog.getByRole('textbox').fill(summary)
  await dialog.getByRole('button', { name: /^Move to/ }).click()
  await expect(dialog).toBeHidden()
}

async function tickChecklist(page: Page) {
  await openPanel(page, 'Communications')
  const boxes = comms(page).locator('.checklist input[type=checkbox]:not(:checked)')
  for (let left = await boxes.count(); left > 0; left--) {
    await boxes.first().click()
    await expect(boxes).toHaveCount(left - 1)
  }
}

async function resolve(page: Page, solution: string) {
  await tickChecklist(page)
  await region(page, 'Status').getByRole('button', { name: 'Resolved…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Resolve “/ })
  await dialog.getByLabel('Solution summary').fill(solution)
  await dialog.getByRole('button', { name: 'Resolve', exact: true }).click()
  await expect(dialog).toBeHidden()
}

/** Every time shown in the timeline, key times and countdown of a day other than today has a date. */
async function expectDatesOnEarlierTimes(app: App) {
  const today = app.clock.now().toISOString().slice(0, 10)
  const times = await app.page
    .locator('.timeline time[datetime], .key-times time[datetime], .countdown time[datetime]')
    .evaluateAll((els) =>
      els.map((el) => ({
        at: el.getAttribute('datetime') ?? '',
        text: el.textContent ?? '',
      })),
    )
  expect(times.length).toBeGreaterThan(5)
  for (const { at, text } of times) {
    // Local time is UTC on these machines, so the day in the attribute is the day on screen.
    if (at.slice(0, 10) !== today) {
      expect(text, `${at} shown without its date`).toMatch(/\d{4}-\d{2}-\d{2}/)
    } else {
      expect(text, `${at} is today: its time is enough`).not.toMatch(/\d{4}-\d{2}-\d{2} \d/)
    }
  }
}

/**
 * The page clock, installed at the host's time, runs on in real time while the host's clock
 * moves only when the test advances it. Set the page back to the host's time and let the page's
 * 15-second "now" tick fire, so a relative time ("Reviewed … ago") reads as the host says.
 */
async function showPageTheHostTime(app: App) {
  await app.page.clock.setSystemTime(app.clock.now())
  await app.page.clock.runFor(15_000)
}

async function copyOutput(page: Page, tab: RegExp) {
  await comms(page).getByRole('tab', { name: tab }).click()
  await comms(page)
    .getByRole('button', { name: /^Copy (?!title)/ })
    .click()
}

test('a 70-day investigation with daily updates: copies post, outputs stay short and masked', async ({
  launchApp,
}) => {
  // Seventy days of clicks on a machine shared by several test runs.
  test.setTimeout(240_000)
  const app = await launchApp({ now: new Date('2023-08-28T09:00:00Z') })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await recordThroughTheUi(app, 'p99 latency of search doubled', 'Severity 2')
  await expect(region(page, 'Next status update')).toContainText(
    'daily until stabilized (Severity 2, policy)',
  )
  await pasteSecret(page)
  await move(page, 'Stabilized…', 'Scaled the API to 6 pods; p99 back under 1 s.')
  await move(page, 'Under investigation')
  await expect(region(page, 'Next status update')).toContainText('daily once stabilized (policy)')

  // Seventy days: a daily copy of the status comment is the update; findings on some days.
  await openPanel(page, 'Communications')
  await comms(page)
    .getByRole('tab', { name: /P2 status comment/ })
    .click()
  const copyComment = comms(page).getByRole('button', { name: /^Copy P2 status comment/ })
  for (let day = 1; day <= 70; day++) {
    // Overnight the laptop sleeps: reminders are worked out once at wake-up.
    await app.clock.sleep(DAY)
    if (day % 7 === 0) await note(page, `Finding ${day / 7}: slow plan for provider=${day}`)
    await copyComment.click()
    await expect(comms(page).getByRole('status').last()).toContainText('counted it as the posted')
    if (day === 7) {
      // The copy is the post: the comment held the finding, and the countdown starts again.
      expect(app.clipboard.text()).toContain('Finding 1: slow plan')
      // Read on the host's clock: by now the page's has run on in real time.
      await showPageTheHostTime(app)
      await expect(page.getByTestId('countdown')).toHaveText(/^24:00:00|^23:59/)
    }
    if (day === 8) {
      // The next comment starts after the last one: yesterday's finding is not repeated.
      expect(app.clipboard.text()).not.toContain('Finding 1')
      expect(app.clipboard.text()).toContain('No new verified information.')
    }
  }
  // Undo within the minute: it does not count.
  await app.clock.advance(HOUR)
  const before = app.host.snapshot().incidents[0]!.lastUpdateAt
  await copyComment.click()
  await comms(page).getByRole('button', { name: 'Undo' }).click()
  await expect(comms(page).getByRole('status').last()).toContainText('does not count as posted')
  expect(app.host.snapshot().incidents[0]!.lastUpdateAt).toBe(before)

  await expectDatesOnEarlierTimes(app)
  await region(page, 'Timeline').scrollIntoViewIfNeeded()
  await app.screenshot('long-incident-timeline')
  await openPanel(page, 'Key times')
  await region(page, 'Key times').scrollIntoViewIfNeeded()
  await app.screenshot('long-incident-key-times')

  await resolve(page, 'An index on (provider, created_on) brought p99 back to 750 ms.')
  await comms(page).getByRole('tab', { name: 'P2 incident post' }).click()
  const preview = comms(page).getByRole('tabpanel')
  await expect(preview).toContainText('#status-resolved')
  await preview.scrollIntoViewIfNeeded()
  await app.screenshot('resolved-p2-post-preview')
  await copyOutput(page, /P2 incident post/)
  const post = app.clipboard.text()!
  expect(post.split('\n').length).toBeLessThan(60)
  expect(post).not.toContain('Posted an update')
  expect(post).not.toMatch(/Recorded by \w+$|Lead: .*set by|time set to|Copied the/m)
  expect(post).toMatch(/Daily updates, 2023-08-30 to 2023-09-03, nothing new \(5 updates\)/)
  expect(post).not.toContain(SECRET)
  expect(post).toContain('[redacted bearer-token]')
  expect(post.match(/An index on \(provider, created_on\)/g)).toHaveLength(1)
  await comms(page).getByRole('button', { name: 'Copy title' }).click()
  expect(app.clipboard.text()).toBe('Incident: p99 latency of search doubled')

  // The retrospective picks the pasted secret as a key moment: the postmortem masks it.
  await openPanel(page, 'Retrospective')
  await page.getByRole('button', { name: 'Retrospective', exact: true }).click()
  const ws = page.getByRole('dialog', { name: /Retrospective:/ })
  // Found by its words among the incident's moments, as a long incident needs.
  await ws.getByRole('searchbox', { name: 'Find a moment' }).fill('authorization bearer')
  await expect(ws.getByText(/^0 picked · 1 of \d+ moments match$/)).toBeVisible()
  await ws.getByRole('checkbox', { name: /Authorization: Bearer/ }).check()
  await expect(ws.getByRole('checkbox', { name: /Authorization: Bearer/ })).toBeChecked()
  await expect(ws).not.toContainText(SECRET)
  await ws.getByLabel('5-whys chain 1, why 1').fill('Why was p99 slow?')
  await ws.getByLabel('5-whys chain 1, answer 1').fill('Sequential scans on the media table.')
  await ws
    .getByLabel('5-whys chain 1, root cause')
    .fill('Indexes are not reviewed when query patterns change.')
  await ws.getByRole('button', { name: 'Add an action item' }).click()
  await ws.getByLabel('Action item 1 title').fill('Review indexes each quarter')
  await ws.getByLabel('Action item 1 owner').fill('Olga')
  await ws.getByLabel('Action item 1 type').selectOption('preventative')
  await ws
    .getByLabel('Action item 1 GitHub issue')
    .fill('https://github.com/WordPress/openverse/issues/4100')
  await ws.getByRole('tab', { name: 'Postmortem preview' }).click()
  await expect(ws.getByLabel('Postmortem text')).toContainText('Indexes are not reviewed')
  await expect(ws.getByLabel('Postmortem text')).not.toContainText(SECRET)
  await ws.getByRole('button', { name: 'Copy postmortem' }).click()
  await expect(ws.getByText('Copied the postmortem')).toBeVisible()
  const postmortem = app.clipboard.text()!
  expect(postmortem).not.toContain(SECRET)
  expect(postmortem).toContain('[redacted bearer-token]')
  expect(postmortem.match(/Indexes are not reviewed/g)).toHaveLength(1)
  await ws.getByRole('button', { name: 'Export Markdown' }).click()
  await ws.getByRole('button', { name: 'Export HTML' }).click()
  await expect.poll(() => app.files.saved.length).toBe(2)
  for (const saved of app.files.saved) expect(String(saved.content)).not.toContain(SECRET)
  await ws.getByRole('button', { name: 'Complete retrospective' }).click()
  await expect(ws.getByText('Completed', { exact: true })).toBeVisible()
  await ws.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Copy #status-reviewed comment' }).click()
  const reviewed = app.clipboard.text()!
  expect(reviewed).toContain('Root cause: Indexes are not reviewed when query patterns change.')
  expect(reviewed).toContain(
    '- Review indexes each quarter: https://github.com/WordPress/openverse/issues/4100',
  )
  expect(reviewed).not.toContain('An index on')
  await page.getByRole('button', { name: 'Copy #status-reviewed comment' }).scrollIntoViewIfNeeded()
  await app.screenshot('reviewed-comment')
  // Seventy days of clicks take minutes of real time on a loaded machine, and the page clock
  // runs in real time from the host's (harness): here a minute more passes. "Reviewed … ago"
  // must count from the host's clock, which the test controls.
  await page.clock.runFor(70_000)
  await showPageTheHostTime(app)
  await expect(page.locator('.closed-record')).toContainText('Reviewed under a minute ago')

  // The one-incident export masks it too.
  await page.getByRole('button', { name: 'Export (.zip)' }).click()
  await expect.poll(() => app.files.saved.some((f) => f.path.endsWith('.zip'))).toBe(true)
  const zip = unzipSync(app.files.saved.find((f) => f.path.endsWith('.zip'))!.content as Uint8Array)
  const report = Object.entries(zip).find(([name]) => name.endsWith('report.md'))![1]
  expect(strFromU8(report)).not.toContain(SECRET)
})

test('an outage across midnight UTC with back-dated entries: dates on screen and in the post', async ({
  launchApp,
}) => {
  const app = await launchApp({
    now: new Date('2023-10-04T23:20:00Z'),
    settings: { you: { name: 'Ken' } },
  })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await recordThroughTheUi(app, 'Thumbnails 502 for every provider', 'Severity 1')
  await expect(region(page, 'Next status update')).toContainText(
    'hourly until stabilized (Severity 1, policy)',
  )
  await page.getByRole('button', { name: 'UTC', exact: true }).click()
  // Written after midnight, it happened before: back-dated across the day boundary.
  await app.clock.advance(HOUR)
  await note(page, 'Thumbnail 502s start in the proxy logs', '2023-10-04 23:05')
  await note(page, 'Rolled back the thumbnail proxy to v3.2', '00:10')
  await pasteSecret(page)
  await expect(
    page.locator('.timeline time').filter({ hasText: 'Wed 2023-10-04 23:05 UTC' }),
  ).toBeVisible()
  await move(page, 'Stabilized…', 'Rolled back the thumbnail proxy.')

  // The key-time editor takes a date and a time in UTC.
  await openPanel(page, 'Key times')
  await region(page, 'Key times').getByRole('button', { name: 'Edit Detected time' }).click()
  const keyTime = page.getByRole('dialog', { name: 'Detected time' })
  await keyTime.getByLabel(/Detected \(UTC\)/).fill('2023-10-04T23:02')
  await keyTime.getByLabel('Why is it corrected?').fill('The alert fired at 23:02.')
  await keyTime.getByRole('button', { name: 'Save time' }).click()
  await expect(keyTime).toBeHidden()
  await expect(region(page, 'Key times')).toContainText('2023-10-04')

  await app.clock.advance(2 * HOUR)
  await expectDatesOnEarlierTimes(app)
  await resolve(page, 'The proxy v3.3 fixes the header parsing; deployed.')
  await copyOutput(page, /P2 incident post/)
  const post = app.clipboard.text()!
  expect(post).toContain('- 2023-10-04 at 23:05 UTC: Thumbnail 502s start in the proxy logs')
  expect(post).toContain('- 2023-10-05 at 00:10 UTC: Rolled back the thumbnail proxy to v3.2')
  expect(post).toContain('Detected: 2023-10-04 at 23:02 UTC')
  expect(post).not.toMatch(/time set to|Posted an update/)
  expect(post).not.toContain(SECRET)
  // Slack is pasted into the composer as typed.
  await copyOutput(page, /Slack message/)
  expect(app.clipboard.text()).not.toContain('&amp;')
})
