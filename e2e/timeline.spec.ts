/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { checkPng } from '../electron/services/png-check'
import { samplePng } from '../electron/testing/fixtures'
import { expect, test } from './fixtures'
import { SCREENSHOT_DIR, type App } from './harness'

async function recordIncident(app: App): Promise<string> {
  const result = await app.host.call('incident:record', {
    title: 'API returns 500 for all searches',
    severity: 1,
    detection: 'alert',
    recorder: 'Dana',
    area: 'API',
  })
  if (!result.ok) throw new Error(result.error.message)
  await expect(app.page.getByRole('heading', { name: 'API returns 500' })).toBeVisible()
  return result.value.id
}

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' }).locator('> li')
const composer = (page: Page) => page.getByRole('form', { name: 'Add to the timeline' })

/** A paste event carrying files, as Chromium fires it for a pasted screenshot. */
async function pasteFile(page: Page, bytes: Buffer, name: string, type: string) {
  await page.getByRole('textbox', { name: 'Note' }).evaluate(
    (el, [b64, fileName, fileType]) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([raw], fileName, { type: fileType }))
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    },
    [bytes.toString('base64'), name, type] as const,
  )
}

const logLines = (app: App, id: string) =>
  readFileSync(join(app.dataDir, 'incidents', id, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n').length
const attachments = (app: App, id: string) =>
  readdirSync(join(app.dataDir, 'incidents', id, 'attachments'))

test('every kind of entry, back-dated, edited, deleted, restored, and kept across a restart', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  const id = await recordIncident(app)
  await app.clock.advance(6 * 60_000)
  await page.getByRole('button', { name: 'UTC', exact: true }).click()

  // Note: Enter adds it.
  const note = page.getByRole('textbox', { name: 'Note' })
  await note.fill('Error rate 40% on /v1/images, see https://grafana.example.org/d/api')
  await note.press('Enter')
  await expect(entries(page).filter({ hasText: 'Error rate 40%' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'https://grafana.example.org/d/api' })).toBeVisible()
  await expect(note).toHaveValue('')

  // A hypothesis.
  await note.fill('Maybe the ES cluster ran out of heap')
  await composer(page).getByLabel('Hypothesis (not verified)').check()
  await note.press('Enter')
  await expect(
    entries(page).filter({ hasText: 'out of heap' }).getByText('Hypothesis'),
  ).toBeVisible()

  // Pasted log with a secret: monospace, highlighted.
  await composer(page).getByRole('radio', { name: 'Paste log' }).click()
  await page
    .getByRole('textbox', { name: 'Pasted text' })
    .fill(
      '13:58:01 ERROR upstream timeout\n13:58:02 using key AKIAIOSFODNN7EXAMPLE\n13:58:03 retry',
    )
  await composer(page).getByRole('button', { name: 'Add' }).click()
  await expect(page.locator('mark.secret')).toHaveText('AKIAIOSFODNN7EXAMPLE')

  // Link.
  await composer(page).getByRole('radio', { name: 'Link' }).click()
  await page
    .getByRole('textbox', { name: 'Link address' })
    .fill('https://github.com/WordPress/openverse/issues/4321')
  await page.getByRole('textbox', { name: 'Link title' }).fill('Bug report from a user')
  await composer(page).getByRole('button', { name: 'Add' }).click()
  await expect(page.getByRole('link', { name: 'Bug report from a user' })).toHaveAttribute(
    'href',
    'https://github.com/WordPress/openverse/issues/4321',
  )

  // Action, back-dated to before the recording: it sorts first.
  await composer(page).getByRole('radio', { name: 'I changed…' }).click()
  await composer(page).getByLabel('What you changed').first().selectOption('rollback')
  await page
    .getByRole('textbox', { name: 'What you changed, exactly' })
    .fill('Rolled back api to v2.14.1')
  await composer(page).getByLabel('Happened at').fill('13:58')
  await composer(page).getByRole('button', { name: 'Add' }).click()
  const rollback = entries(page).filter({ hasText: 'Rolled back api' })
  await expect(rollback).toContainText('13:58 UTC')
  await expect(rollback).toContainText('back-dated, written 14:06 UTC')
  await expect(entries(page).first()).toContainText('Rolled back api')
  await expect(entries(page).nth(1)).toContainText('Recorded by Dana')

  // Image pasted through a real paste event, and one captured through the harness capturer.
  await composer(page).getByRole('radio', { name: 'Note' }).click()
  await pasteFile(page, samplePng(120, 80), 'screenshot.png', 'image/png')
  await expect(page.getByRole('img', { name: 'Screenshot, 120×80' })).toBeVisible()
  await page.getByRole('button', { name: 'Screenshot…' }).click()
  await page.getByRole('menuitem', { name: /Grafana – API latency/ }).click()
  await expect(page.getByRole('img', { name: 'Screenshot, 320×200' })).toBeVisible()
  expect(app.captured).toEqual(['window:42'])
  const files = attachments(app, id)
  expect(files).toHaveLength(2)
  for (const file of files) {
    const size = checkPng(readFileSync(join(app.dataDir, 'incidents', id, 'attachments', file)))
    expect([120, 320]).toContain(size.width)
  }

  // A busy timeline: more entries from the host, as from another window.
  for (let i = 1; i <= 12; i++) {
    await app.clock.advance(60_000)
    await app.host.call('timeline:add', {
      incidentId: id,
      entry: {
        kind: 'note',
        text: `Check ${i}: p95 latency ${900 - i * 40} ms, errors ${40 - i * 3}%`,
      },
    })
  }
  await expect(page.getByText('20 items')).toBeVisible()
  // Virtualized: the newest rows are rendered once scrolled to.
  await page.locator('.timeline-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(
    page.getByRole('region', { name: 'Timeline' }).getByText('Check 12: p95'),
  ).toBeVisible()
  await page.locator('.timeline-scroll').evaluate((el) => (el.scrollTop = 0))
  await page.getByRole('heading', { name: 'Timeline' }).scrollIntoViewIfNeeded()
  await app.screenshot('timeline-busy')

  // Edit keeps the history.
  const first = entries(page).filter({ hasText: 'Error rate 40%' })
  await first.getByRole('button', { name: 'Edit' }).click()
  const editor = page.getByRole('form', { name: 'Edit entry' })
  await editor.getByRole('textbox', { name: 'Entry text' }).fill('Error rate 45% on /v1/images')
  await editor.getByRole('button', { name: 'Save' }).click()
  const edited = entries(page).filter({ hasText: 'Error rate 45%' })
  await edited.getByRole('button', { name: /Edited 1×/ }).click()
  await expect(edited.getByRole('list', { name: 'Earlier versions' })).toContainText(
    'Error rate 40%',
  )

  // Delete hides it; "Show deleted" shows it; restore brings it back.
  const link = entries(page).filter({ hasText: 'Bug report from a user' })
  await link.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('link', { name: 'Bug report from a user' })).toHaveCount(0)
  await page.getByLabel('Show deleted (1)').check()
  await expect(link.getByText('Deleted', { exact: true })).toBeVisible()
  await link.getByRole('button', { name: 'Restore' }).click()
  await page.getByLabel('Show deleted (0)').uncheck()
  await expect(page.getByRole('link', { name: 'Bug report from a user' })).toBeVisible()

  // Search and filter.
  await page.getByRole('searchbox', { name: 'Search the timeline' }).fill('heap')
  await expect(entries(page)).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Search the timeline' }).fill('')
  await page.getByLabel('Show kind').selectOption('image')
  await expect(entries(page)).toHaveCount(2)
  await page.getByLabel('Show kind').selectOption('all')

  await app.restart()
  const again = app.page
  await expect(entries(again).filter({ hasText: 'Error rate 45%' })).toBeVisible()
  await expect(again.getByRole('link', { name: 'Bug report from a user' })).toBeVisible()
  await expect(entries(again).first()).toContainText('Rolled back api')
  await expect(again.getByRole('img', { name: 'Screenshot, 120×80' })).toHaveAttribute(
    'src',
    /^data:image\/png;base64,/,
  )
  await expect(again.getByRole('img', { name: 'Screenshot, 320×200' })).toBeVisible()
})

test('bad input gets a clear message and loses nothing', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  const id = await recordIncident(app)
  const note = page.getByRole('textbox', { name: 'Note' })
  await note.fill('Already recorded line')
  await note.press('Enter')
  await expect(entries(page).filter({ hasText: 'Already recorded line' })).toBeVisible()
  const lines = logLines(app, id)

  // Empty note.
  await note.fill('   ')
  await note.press('Enter')
  await expect(composer(page).getByRole('alert')).toHaveText(
    'Write something first: the note is empty.',
  )

  // A 10 MB paste is refused before it lands; what was typed stays.
  await note.fill('half-written thought')
  await note.evaluate((el) => {
    const data = new DataTransfer()
    data.setData('text/plain', 'x'.repeat(10 * 1024 * 1024))
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  })
  await expect(composer(page).getByRole('alert')).toContainText(
    'This text is 10.0 MB; an entry holds at most 1 MB',
  )
  await expect(note).toHaveValue('half-written thought')
  // The schema refuses it too, for any caller.
  const direct = await page.evaluate(async (incidentId) => {
    const api = (
      globalThis as unknown as {
        api: {
          timeline: { add(i: unknown): Promise<{ ok: boolean; error?: { message: string } }> }
        }
      }
    ).api
    return api.timeline.add({
      incidentId,
      entry: { kind: 'paste', text: 'y'.repeat(10 * 1024 * 1024) },
    })
  }, id)
  expect(direct.ok).toBe(false)
  expect(direct.error?.message).toContain('an entry holds at most 1 MB')

  // A non-image file dropped.
  await page.locator('.timeline').evaluate((el) => {
    const data = new DataTransfer()
    data.items.add(new File(['%PDF-1.7 ...'], 'postmortem.pdf', { type: 'application/pdf' }))
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  })
  await expect(page.locator('.timeline > [role="alert"]')).toContainText(
    '“postmortem.pdf” is not an image',
  )

  // A corrupt image: a PNG cut off in the middle.
  await pasteFile(page, samplePng(120, 80).subarray(0, 200), 'broken.png', 'image/png')
  await expect(page.locator('.timeline > [role="alert"]')).toContainText(
    'could not be read as an image',
  )

  expect(logLines(app, id)).toBe(lines)
  expect(attachments(app, id)).toEqual([])
  await expect(entries(page).filter({ hasText: 'Already recorded line' })).toBeVisible()
})

test('the quick-note box adds to the selected incident; Esc closes it', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  await recordIncident(app)
  const box = await app.openPage('#quick-note')
  await expect(box.getByText('Note to API returns 500 for all searches')).toBeVisible()
  const input = box.getByRole('textbox')
  await expect(input).toBeFocused()
  await input.fill('Cloudflare shows 522s from the origin')
  await box.screenshot({ path: join(SCREENSHOT_DIR, 'quick-note.png') })
  const closed = box.waitForEvent('close')
  // The box closes itself once the note is saved, which can end the key press mid-flight.
  await input.press('Enter').catch(() => undefined)
  await closed
  await expect(entries(app.page).filter({ hasText: 'Cloudflare shows 522s' })).toBeVisible()

  const second = await app.openPage('#quick-note')
  await second.getByRole('textbox').press('Enter')
  await expect(second.getByRole('alert')).toHaveText('Write something first: the note is empty.')
  const closing = second.waitForEvent('close')
  // The box closes itself on Esc, which can end the key press mid-flight.
  await second
    .getByRole('textbox')
    .press('Escape')
    .catch(() => undefined)
  await closing
})

test('a restart asks for a backup or screenshot first, and captures one in a click', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  await recordIncident(app)
  const { page } = app
  await composer(page).getByRole('radio', { name: 'I changed…' }).click()
  await composer(page).getByLabel('What you changed').first().selectOption('restart')
  await page
    .getByRole('textbox', { name: 'What you changed, exactly' })
    .fill('Restarted the API pods')
  await composer(page).getByRole('button', { name: 'Add' }).click()
  const prompt = page.getByRole('alertdialog', { name: 'Take a backup or screenshot first?' })
  await expect(prompt).toBeVisible()
  await expect(entries(page).filter({ hasText: 'Restarted the API pods' })).toHaveCount(0)
  await prompt.getByRole('button', { name: 'Capture screen now' }).click()
  await expect(prompt).toBeHidden()
  await expect(entries(page).filter({ hasText: 'Restarted the API pods' })).toHaveCount(2)
  expect(app.captured).toHaveLength(1)
  const incident = await app.host.call('incident:get', { id: app.host.snapshot().incidents[0]!.id })
  const kinds = incident.ok ? incident.value.timeline.map((t) => t.kind) : []
  expect(kinds.slice(-2)).toEqual(['image', 'action'])
})
