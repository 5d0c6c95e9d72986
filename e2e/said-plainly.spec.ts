/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { samplePng } from '../electron/testing/fixtures'
import { expect, test } from './fixtures'
import type { App } from './harness'
import { openPanel } from './workspace'

/**
 * What the screens say is what happens: unmasking a secret is confirmed and then shown plainly,
 * a hypothesis says it stays out of outputs, pasted logs start internal, the recorder's name is
 * the one the team knows, confirmations go away by themselves, counts read "1 item".
 */

const TOKEN = 'sk_live_51HxQkLJd8fA2pQ9rT3vW7yZ'
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name })
const composer = (page: Page) => page.getByRole('form', { name: 'Add to the timeline' })
const entry = (page: Page, text: string) =>
  page.getByRole('list', { name: 'Timeline entries' }).locator('> li').filter({ hasText: text })

async function record(app: App): Promise<string> {
  const result = await app.host.call('incident:record', {
    title: 'Payments answer 401',
    severity: 2,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!result.ok) throw new Error(result.error.message)
  await expect(app.page.getByRole('heading', { name: 'Payments answer 401' })).toBeVisible()
  return result.value.id
}

async function add(page: Page, kind: 'Note' | 'Paste log', text: string, hypothesis = false) {
  await composer(page).getByRole('radio', { name: kind }).click()
  const box = page.getByRole('textbox', { name: kind === 'Note' ? 'Note' : 'Pasted text' })
  await box.fill(text)
  if (hypothesis) await composer(page).getByLabel('Hypothesis (not verified)').check()
  await composer(page).getByRole('button', { name: 'Add' }).click()
  await expect(box).toHaveValue('')
}

async function copyPost(page: Page): Promise<void> {
  const comms = region(page, 'Communications')
  await comms.getByRole('tab', { name: /P2 incident post/ }).click()
  await comms.getByRole('button', { name: /^Copy (?!title)/ }).click()
  await expect(comms.getByRole('status').last()).toContainText('Copied the P2 incident post')
}

test('unmasking a secret is confirmed, then said plainly; masking it again is one click', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await record(app)
  await expect(region(page, 'Timeline').getByText('1 item', { exact: true })).toBeVisible()

  await add(page, 'Paste log', `POST /v1/charge 401\nAuthorization: Bearer ${TOKEN}\nretry 1 of 3`)
  const log = entry(page, 'POST /v1/charge 401')
  await expect(region(page, 'Timeline').getByText('2 items', { exact: true })).toBeVisible()
  await app.clock.advance(60_000)
  // A pasted log starts internal: made public on request, it is quoted, not pasted whole.
  await log.getByRole('button', { name: 'Internal: make public' }).click()
  await expect(log.getByRole('button', { name: 'Public: make internal' })).toBeVisible()

  // Cancel keeps it masked.
  await log.getByRole('button', { name: 'Unmask in exports' }).click()
  const ask = page.getByRole('dialog', { name: 'Unmask this secret?' })
  await expect(ask).toContainText('It will appear in copies, posts and exports')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toBeHidden()
  await openPanel(page, 'Communications')
  await copyPost(page)
  expect(app.clipboard.text()).toContain(
    'Log excerpt: POST /v1/charge 401 / Authorization: Bearer [redacted bearer-token] …',
  )
  expect(app.clipboard.text()).not.toContain('retry 1 of 3')

  // Confirmed: the entry says the secret will be published, and it is.
  await log.getByRole('button', { name: 'Unmask in exports' }).click()
  await expect(ask).toBeVisible()
  await app.screenshot('unmask-confirm-1280x800')
  await ask.getByRole('button', { name: 'Unmask', exact: true }).click()
  await expect(ask).toBeHidden()
  await expect(log).toContainText(
    'Unmasked: this secret will be published in copies, posts and exports.',
  )
  await expect(log.getByRole('button', { name: 'Unmask in exports' })).toHaveCount(0)
  await log.getByRole('button', { name: 'Mask again' }).scrollIntoViewIfNeeded()
  await app.screenshot('unmasked-entry-1280x800')
  await copyPost(page)
  expect(app.clipboard.text()).toContain(`Authorization: Bearer ${TOKEN}`)

  await page.setViewportSize({ width: 420, height: 700 })
  await page.getByRole('button', { name: '← Timeline' }).click()
  await expect(log.getByText('Unmasked:')).toBeVisible()
  await app.screenshot('unmasked-entry-420x700')

  // One click masks it again.
  await log.getByRole('button', { name: 'Mask again' }).click()
  await expect(log).not.toContainText('Unmasked:')
  await expect(log.getByRole('button', { name: 'Unmask in exports' })).toBeVisible()
  expect(app.host.snapshot().incidents).toHaveLength(1)
  await page.setViewportSize({ width: 1280, height: 800 })
  await copyPost(page)
  expect(app.clipboard.text()).not.toContain(TOKEN)
})

test('a hypothesis says it stays out of outputs; a verified note says public', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await record(app)
  await add(page, 'Note', 'Maybe the key rotated overnight', true)
  await add(page, 'Note', 'The payment provider rejects the old key')
  const hypothesis = entry(page, 'Maybe the key rotated')
  await expect(hypothesis.getByText('not in outputs until verified')).toBeVisible()
  await expect(hypothesis.getByRole('button', { name: /Public|Internal/ })).toHaveCount(0)
  const finding = entry(page, 'rejects the old key')
  await expect(finding.getByRole('button', { name: 'Public: make internal' })).toBeVisible()
  await expect(finding.getByText('not in outputs until verified')).toHaveCount(0)
  await app.screenshot('hypothesis-label-1280x800')
  // And it is so: the post has the finding, not the hypothesis.
  await openPanel(page, 'Communications')
  await copyPost(page)
  expect(app.clipboard.text()).toContain('The payment provider rejects the old key')
  expect(app.clipboard.text()).not.toContain('key rotated overnight')
})

test('confirmations go away after a few seconds, announced once; a copy’s Undo stays its minute', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await record(app)
  const timeline = region(page, 'Timeline')

  // "Caption added." in the timeline's live region, then gone.
  await page.getByRole('textbox', { name: 'Note' }).evaluate((el, b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const data = new DataTransfer()
    data.items.add(new File([raw], 'shot.png', { type: 'image/png' }))
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, samplePng(120, 80).toString('base64'))
  await page.getByLabel('Screenshot caption').fill('p99 by endpoint')
  await page.getByLabel('Screenshot caption').press('Enter')
  const said = timeline.getByRole('status').filter({ hasText: 'Caption added.' })
  await expect(said).toBeVisible()
  await app.screenshot('caption-added-1280x800')
  await app.clock.advance(6_000)
  await expect(timeline.getByText('Caption added.')).toHaveCount(0)
  // The live region stays in the page, empty, so the next message is announced when it comes.
  await expect(timeline.locator('.timeline-message[role=status]')).toHaveText('')

  // The header's copy: counted as posted, with an Undo for the copy's minute.
  const countdown = region(page, 'Next status update')
  await countdown.getByRole('button', { name: 'Copy update' }).click()
  await expect(countdown).toContainText('Copied the status comment: counted as posted.')
  await app.clock.advance(30_000)
  await expect(countdown.getByRole('button', { name: 'Undo' })).toBeVisible()
  await expect(countdown).toContainText('counted as posted.')
  await app.clock.advance(31_000)
  await expect(countdown.getByRole('button', { name: 'Undo' })).toHaveCount(0)
  await expect(countdown).not.toContainText('counted as posted')

  // A copy that posts nothing: its note goes after a few seconds.
  await openPanel(page, 'Communications')
  const comms = region(page, 'Communications')
  await comms.getByRole('tab', { name: /Slack/ }).click()
  await comms.getByRole('button', { name: /^Copy (?!title)/ }).click()
  await expect(comms.getByRole('status').last()).toHaveText(/^Copied the Slack message/)
  await app.clock.advance(6_000)
  await expect(comms.getByRole('status').last()).toHaveText('')
})

test('the record dialog asks for the name the team knows, prefilled from the system, once', async ({
  launchApp,
}) => {
  const app = await launchApp({ userName: 'Dana Okafor' })
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  const name = dialog.getByLabel('Recorded by (you)')
  await expect(name).toHaveValue('Dana Okafor')
  await expect(name).toHaveAccessibleDescription('how the team knows you')
  await dialog.getByLabel('Title').fill('Payments answer 401')
  await dialog.getByRole('radio', { name: /Severity 2/ }).check()
  await app.screenshot('record-dialog-name-1280x800')
  await page.setViewportSize({ width: 420, height: 700 })
  await name.scrollIntoViewIfNeeded()
  await expect(name).toBeInViewport()
  await app.screenshot('record-dialog-name-420x700')
  await name.fill('Dana O.')
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()
  // Saved to settings: the next recording names the recorder without asking.
  expect(app.host.settings().you.name).toBe('Dana O.')
  expect(app.host.snapshot().incidents[0]!.recorder).toBe('Dana O.')
  await app.command({ kind: 'record' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Recorded by (you)')).toHaveCount(0)
  await expect(dialog).toContainText('Dana O.')
})
