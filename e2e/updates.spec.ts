import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from './fixtures'
import { SCREENSHOT_DIR } from './harness'

const MIN = 60_000
const ASSETS = resolve(import.meta.dirname, '..', 'assets')

test('the countdown warns, restarts on a posted update, and the tray turns overdue', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page, host } = app
  const recorded = await host.call('incident:record', {
    title: 'Openverse.org is down',
    severity: 1,
    detection: 'alert',
    recorder: 'Dana',
  })
  expect(recorded.ok).toBe(true)
  // A lead is named so the only notifications here are update reminders ("No lead yet" is
  // covered in lifecycle.spec.ts).
  if (recorded.ok) {
    await host.call('incident:setLead', {
      id: recorded.value.id,
      lead: { kind: 'free', name: 'Dana' },
    })
  }
  const countdown = page.getByRole('region', { name: 'Next status update' })
  await expect(countdown.getByTestId('countdown')).toHaveText(/^(60:00|59:5\d)$/)
  expect(host.tray().state).toBe('active')

  await app.clock.advance(50 * MIN)
  await expect
    .poll(() => app.notifications.map((n) => n.title))
    .toEqual(['Status update due in 10 min'])
  expect(host.tray().state).toBe('due-soon')
  await expect(countdown.getByRole('status')).toHaveText('Update due soon:')
  await expect(countdown.getByTestId('countdown')).toHaveText(/^(10:00|9:5\d)$/)
  await app.screenshot('countdown-due-soon')

  await countdown.getByRole('button', { name: 'Posted…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Posted an update' })
  await dialog
    .getByLabel('The update')
    .fill('We rolled back the 13:40 deploy; searches work again.')
  await dialog.getByRole('button', { name: 'Record the update' }).click()
  await expect(dialog).toBeHidden()
  await expect(countdown.getByTestId('countdown')).toHaveText(/^(60:00|59:5\d)$/)
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(
    timeline.getByText('Posted an update: We rolled back the 13:40 deploy; searches work again.'),
  ).toBeVisible()
  expect(host.tray().state).toBe('active')

  await app.clock.advance(61 * MIN)
  expect(host.tray().state).toBe('overdue')
  expect(host.tray().items.find((i) => i.kind === 'incident')).toMatchObject({
    label: 'Severity 1 · Stabilization pending · Openverse.org is down — overdue by 1 min',
  })
  expect(app.notifications.map((n) => n.title)).toContain('Status update due now')
  await expect(countdown.getByRole('status')).toHaveText('Update overdue by')
  await app.clock.advance(10 * MIN)
  expect(app.notifications.at(-1)?.title).toBe('Status update overdue by 10 min')
  expect(app.notifications.at(-1)?.incidentId).toBe(recorded.ok && recorded.value.id)
  await app.screenshot('countdown-overdue')

  // Snoozing is on the timeline.
  await countdown.getByText('Snooze…').click()
  await countdown.getByRole('button', { name: 'Snooze 30 minutes' }).click()
  await expect(timeline.getByText('Snoozed update reminders for 30 min')).toBeVisible()
  await expect(countdown).toContainText('reminders snoozed until')
})

test('a bad cadence is refused with a clear message and nothing changes', async ({ launchApp }) => {
  const app = await launchApp()
  const messages = await app.page.evaluate(async () => {
    type Call = (input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>
    const api = (globalThis as unknown as { api: { settings: { update: Call } } }).api
    const out = []
    for (const minutes of [0, -10, 20_000, 'hourly']) {
      out.push((await api.settings.update({ cadence: { '1': minutes } })).error?.message)
    }
    return out
  })
  expect(messages).toEqual([
    'The update interval for level 1 must be at least 1 minute.',
    'The update interval for level 1 must be at least 1 minute.',
    'The update interval for level 1 can be at most 10,080 minutes (7 d).',
    'The update interval for level 1 must be a number of minutes.',
  ])
  expect(app.host.settings().cadence['1']).toBe(60)
})

test('the tray icons, side by side for review', async ({ page }) => {
  const states = ['idle', 'active', 'due-soon', 'overdue']
  const img = (file: string, size: number) =>
    `<img width="${size}" height="${size}" src="data:image/png;base64,${readFileSync(join(ASSETS, file)).toString('base64')}">`
  const cells = states
    .map(
      (
        s,
      ) => `<figure><div class="light">${img(`tray-${s}.png`, 16)} ${img(`tray-${s}@2x.png`, 32)}</div>
      <div class="dark">${img(`tray-${s}.png`, 16)} ${img(`tray-${s}@2x.png`, 32)}</div>
      <div class="light">${img(`tray-${s}Template@2x.png`, 32)}</div><figcaption>${s}</figcaption></figure>`,
    )
    .join('')
  await page.setContent(
    `<style>body{font:14px sans-serif;display:flex;gap:24px;padding:16px}figure{margin:0;text-align:center}
    div{padding:8px;display:flex;gap:8px;align-items:center;justify-content:center}.light{background:#eee}.dark{background:#222}</style>${cells}`,
  )
  await page.setViewportSize({ width: 480, height: 200 })
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'tray-icons.png') })
  const loaded = await page
    .locator('img')
    .evaluateAll((imgs) =>
      imgs.every((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0),
    )
  expect(loaded).toBe(true)
})

test('the cadence is set in settings; a bad value is refused there and nothing changes', async ({
  launchApp,
}) => {
  const app = await launchApp()
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('navigation').getByRole('button', { name: 'Update cadence' }).click()
  const level1 = settings.getByLabel('Severity 1: post a status update every … minutes')
  await level1.fill('0')
  await level1.press('Enter')
  await expect(settings.getByRole('alert')).toHaveText(
    'The update interval for level 1 must be at least 1 minute.',
  )
  expect(app.host.settings().cadence['1']).toBe(60)
  await level1.fill('30')
  await level1.press('Enter')
  await expect.poll(() => app.host.settings().cadence['1']).toBe(30)
  await expect(settings.getByRole('alert')).toHaveCount(0)
})
