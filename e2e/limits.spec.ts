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
