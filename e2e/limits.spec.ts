import { expect, test } from './fixtures'

test('a 10,000-character title gets a clear limit and the app stays responsive', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await page
    .getByRole('button', { name: /Record incident/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await dialog.getByLabel('Title').fill('x'.repeat(10_000))
  await dialog.getByLabel('What do you see?').fill('Kept after the refusal')
  await dialog.getByRole('radio', { name: /Severity 2/ }).check()
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'Keep the title under 200 characters; put details in "What do you see?".',
  )
  await expect(dialog.getByLabel('What do you see?')).toHaveValue('Kept after the refusal')
  expect(app.host.snapshot().incidents).toHaveLength(0)
  // Still responsive: a sensible title goes through at once.
  await dialog.getByLabel('Title').fill('Thumbnails slow')
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()
  expect(app.host.snapshot().incidents.map((i) => i.title)).toEqual(['Thumbnails slow'])
})

test('a 50 MB image is refused with a message, by the window and by the host, and nothing is lost', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const recorded = await app.host.call('incident:record', {
    title: 'Thumbnails slow',
    severity: 2,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  const { page } = app
  await page.locator('.timeline').evaluate((el) => {
    const data = new DataTransfer()
    const huge = new File([new Uint8Array(50 * 1024 * 1024)], 'whole-screen.png', {
      type: 'image/png',
    })
    data.items.add(huge)
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  })
  await expect(page.locator('.timeline > [role="alert"]')).toContainText(
    '“whole-screen.png” is 50.0 MB; images are limited to 20 MB.',
  )
  // Sent straight to the host, it is refused by the contract before any work is done.
  const direct = await page.evaluate(async (id) => {
    type Call = (input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>
    const api = (globalThis as unknown as { api: { attachment: { add: Call } } }).api
    return api.attachment.add({ incidentId: id, png: 'A'.repeat(28 * 1024 * 1024) })
  }, recorded.value.id)
  expect(direct.error?.message).toBe(
    'That image is over 20 MB; crop it or capture one window instead of the whole screen.',
  )
  // Still responsive, and nothing was added.
  const after = await app.host.call('incident:get', { id: recorded.value.id })
  expect(after.ok && after.value.timeline.filter((t) => t.kind === 'image')).toEqual([])
  await expect(page.getByRole('heading', { name: 'Thumbnails slow' })).toBeVisible()
})
