import { itemText } from '../electron/domain/timeline/timeline'
import { expect, test } from './fixtures'
import { expectGolden } from './golden'
import { openPanel } from './workspace'

const MIN = 60_000

test('each Copy puts exactly the golden text (and HTML) on the clipboard', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page, host } = app
  const recorded = await host.call('incident:record', {
    title: 'API returns 500 for all searches',
    observed: 'Every search on openverse.org and the API answers 500; no results for anyone.',
    severity: 1,
    detection: 'user-report',
    area: 'API',
    recorder: 'Dana',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  const id = recorded.value.id
  await app.clock.advance(20 * MIN)
  await host.call('update:post', { id, text: 'Investigating; the 13:40 deploy is the suspect.' })
  await host.call('comms:setP2Url', {
    id,
    url: 'https://make.wordpress.org/openverse/2026/11/23/incident-api/',
  })

  await openPanel(page, 'Communications')

  const panel = page.getByRole('region', { name: 'Communications' })
  await expect(panel).toBeVisible()
  const tabs = panel.getByRole('tab')
  const count = await tabs.count()
  expect(count).toBe(11)
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i)
    await tab.click()
    const label = (await tab.locator('span').first().textContent())!
    await panel.getByRole('button', { name: `Copy ${label}` }).click()
    await expect(panel.getByRole('status').last()).toContainText(`Copied the ${label}`)
    const slug = label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/-+$/, '')
    expectGolden(`comms/${slug}.txt`, app.clipboard.text() + '\n')
    const html = app.clipboard.html()
    if (html) expectGolden(`comms/${slug}.html`, html + '\n')
    if (i === 0) await app.screenshot('comms-panel')
  }
  // P2 and Slack copies are logged on the timeline by default; the others are not. The status
  // comment's copy is on it as the posted update instead (copy is posting).
  const full = await host.call('incident:get', { id })
  const copies = full.ok
    ? full.value.timeline
        .filter((t) => itemText(t).startsWith('Copied the'))
        .map((t) => itemText(t))
    : []
  expect(copies).toEqual(['Copied the P2 incident post', 'Copied the Slack message'])
  expect(
    full.ok && full.value.timeline.map((t) => itemText(t)).filter((t) => t.startsWith('Posted')),
  ).toEqual([
    'Posted an update: Investigating; the 13:40 deploy is the suspect.',
    'Posted an update by copying the status comment (nothing new)',
  ])
})

test('the checklist follows severity, status and detection; ticking is on the timeline', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page, host } = app
  const low = await host.call('incident:record', {
    title: 'Staging down',
    severity: 3,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!low.ok) throw new Error(low.error.message)
  await openPanel(page, 'Communications')
  const panel = page.getByRole('region', { name: 'Communications' })
  await expect(panel.getByRole('checkbox', { name: /P2 incident post published/ })).toBeVisible()
  await expect(panel.getByRole('checkbox', { name: /Signal message/ })).toHaveCount(0)
  await expect(panel.getByRole('checkbox', { name: /Reporter thanked/ })).toHaveCount(0)

  const high = await host.call('incident:record', {
    title: 'Search down',
    severity: 1,
    detection: 'user-report',
    recorder: 'Dana',
  })
  if (!high.ok) throw new Error(high.error.message)
  await page
    .getByRole('navigation', { name: 'Incidents' })
    .getByRole('button', { name: /Search down/ })
    .click()
  const signal = panel.getByRole('checkbox', { name: /Signal message sent/ })
  await expect(signal).toBeVisible()
  await expect(panel.getByRole('checkbox', { name: /Reporter thanked/ })).toBeVisible()
  // The box is controlled by the host: it turns checked once the tick is recorded.
  await signal.click()
  await expect(signal).toBeChecked()
  await expect(
    page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Done: Signal message sent to the maintainers (Severity 1)'),
  ).toHaveCount(1)
  await panel.getByRole('heading', { name: 'Communications' }).scrollIntoViewIfNeeded()
  await app.screenshot('comms-checklist')
})

test('bad input: a broken template is refused, unknown outputs and bad URLs get clear errors', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const rec = await app.host.call('incident:record', {
    title: 'X down',
    severity: 1,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!rec.ok) throw new Error(rec.error.message)
  const messages = await app.page.evaluate(async (id) => {
    type R = { ok: boolean; error?: { message: string } }
    type Call = (input: unknown) => Promise<R>
    const api = (globalThis as unknown as { api: Record<string, Record<string, Call>> }).api
    return [
      (await api.settings!.update!({ templates: { slack: '*{titel}*' } })).error?.message,
      (await api.settings!.update!({ templates: { p2Title: 'Incident: {title' } })).error?.message,
      (await api.comms!.copy!({ id, output: 'fax' })).error?.message,
      (await api.comms!.setP2Url!({ id, url: 'javascript:alert(1)' })).error?.message,
    ]
  }, rec.value.id)
  expect(messages[0]).toContain('Template “slack”: Unknown placeholder {titel}')
  expect(messages[1]).toContain('Unclosed brace (line 1, column 11)')
  expect(messages[2]).toContain('That is not one of the outputs.')
  expect(messages[3]).toContain('starting with https://')
  expect(app.host.settings().templates).toEqual({})
})

test('templates are edited in settings with a live preview; a broken one is named and not saved', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  const rec = await app.host.call('incident:record', {
    title: 'Thumbnails slow',
    severity: 2,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!rec.ok) throw new Error(rec.error.message)
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('navigation').getByRole('button', { name: 'Templates' }).click()
  await settings.getByLabel('Template', { exact: true }).selectOption('slack')
  const text = settings.getByLabel(/^Text, with/)
  await text.fill('{severity}: *{titel}*')
  await expect(settings.getByRole('alert')).toContainText(
    'Unknown placeholder {titel} (line 1, column 14)',
  )
  await expect(settings.getByRole('button', { name: 'Save template' })).toBeDisabled()
  await text.fill('{severity}: *{title}* ({status})')
  await expect(settings.getByLabel('Template preview')).toHaveText(
    'Severity 1: *API returns 500 for all searches* (Stabilized)',
  )
  await app.screenshot('settings-templates')
  await settings.getByRole('button', { name: 'Save template' }).click()
  await expect
    .poll(() => app.host.settings().templates.slack)
    .toBe('{severity}: *{title}* ({status})')
  await page.keyboard.press('Escape')

  await openPanel(page, 'Communications')

  const panel = page.getByRole('region', { name: 'Communications' })
  await panel.getByRole('tab', { name: /Slack message/ }).click()
  await panel.getByRole('button', { name: 'Copy Slack message' }).click()
  await expect
    .poll(() => app.clipboard.text())
    .toBe('Severity 2: *Thumbnails slow* (Stabilization pending)')
})
