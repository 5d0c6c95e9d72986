import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { tickAllCommunications } from '../electron/testing/fixtures'
import type { App } from './harness'
import { openPanel } from './workspace'

const MIN = 60_000
const HOUR = 60 * MIN

const ROTA = {
  people: [
    { name: 'Olga', handle: '@olga', timeZone: 'Europe/Berlin', expertise: ['search'] },
    { name: 'Ken', handle: '@ken', timeZone: 'Asia/Tokyo' },
    { name: 'Sam', handle: '@sam', timeZone: 'Europe/London', expertise: ['api'] },
  ],
  schedule: [{ weekStart: '2026-11-23', runner: 'Olga' }],
}

async function recordIncident(app: App, status: 'pending' | 'stabilized' = 'pending') {
  const r = await app.host.call('incident:record', {
    title: 'Search returns nothing',
    severity: 2,
    detection: 'user-report',
    area: 'Search',
    recorder: 'Dana',
    status,
  })
  if (!r.ok) throw new Error(r.error.message)
  await expect(app.page.getByRole('heading', { name: 'Search returns nothing' })).toBeVisible()
  return r.value.id
}

const statusControl = (page: Page) => page.getByRole('region', { name: 'Status' })
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' })
const currentStep = (page: Page) => statusControl(page).locator('[aria-current="step"]')

async function move(page: Page, button: string, dialogName: string, summary?: string) {
  await statusControl(page).getByRole('button', { name: button }).click()
  const dialog = page.getByRole('dialog', { name: dialogName })
  if (summary !== undefined) await dialog.getByRole('textbox').fill(summary)
  await dialog.getByRole('button', { name: dialogName }).click()
  await expect(dialog).toBeHidden()
}

test('a full lifecycle, asking for the mitigation and solution summaries', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await recordIncident(app)
  await expect(currentStep(page)).toContainText('Stabilization pending')
  await expect(statusControl(page).getByRole('group', { name: 'Move to' })).toHaveText(
    'Move to:Stabilized…',
  )

  // The summary is asked for, and the move is refused without it.
  await statusControl(page).getByRole('button', { name: 'Stabilized…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Move to Stabilized' })
  await expect(dialog.getByText('Mitigation summary: what stopped the disruption?')).toBeVisible()
  await dialog.getByRole('button', { name: 'Move to Stabilized' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'Summarize the mitigation before moving to Stabilized: what stopped the disruption?',
  )
  await dialog.getByRole('textbox').fill('Rolled back the 13:40 deploy')
  await dialog.getByRole('button', { name: 'Move to Stabilized' }).click()
  await expect(dialog).toBeHidden()
  await expect(currentStep(page)).toContainText('Stabilized')
  await expect(
    timeline(page).getByText(
      'Status: Stabilization pending → Stabilized (Dana): Rolled back the 13:40 deploy',
    ),
  ).toBeVisible()
  await app.screenshot('status-control')

  await app.clock.advance(HOUR)
  await move(page, 'Under investigation', 'Move to Under investigation')
  await expect(currentStep(page)).toContainText('Under investigation')
  await app.clock.advance(2 * HOUR)
  // Resolving runs the resolve checklist; the communication items are done first.
  await tickAllCommunications(app.host, app.host.snapshot().incidents[0]!.id)
  await statusControl(page).getByRole('button', { name: 'Resolved…' }).click()
  const resolve = page.getByRole('dialog', { name: 'Resolve “Search returns nothing”' })
  await resolve.getByLabel('Solution summary').fill('Pinned the search client version')
  await resolve.getByRole('button', { name: 'Resolve', exact: true }).click()
  await expect(resolve).toBeHidden()
  await expect(currentStep(page)).toContainText('Resolved')
  await expect(
    statusControl(page).getByRole('button', { name: 'It happened again…' }),
  ).toBeVisible()
  // A Severity 2 incident has its retrospective due: Reviewed leads there first, and skipping
  // it takes a reason that the timeline keeps.
  await statusControl(page).getByRole('button', { name: 'Reviewed' }).click()
  const reviewed = page.getByRole('dialog', { name: 'Reviewed comes after the retrospective' })
  await expect(reviewed.getByRole('button', { name: 'Open the retrospective' })).toBeFocused()
  const skip = reviewed.getByRole('button', { name: 'Mark reviewed without it' })
  await expect(skip).toBeDisabled()
  await reviewed.getByLabel('Why not? (goes on the timeline)').fill('Known client bug, no lesson')
  await skip.click()
  await expect(reviewed).toBeHidden()
  await expect(currentStep(page)).toContainText('Reviewed')
  await expect(timeline(page)).toContainText('Known client bug, no lesson')
  await expect(timeline(page).getByText('Status: Resolved → Reviewed (Dana)')).toBeVisible()
  await openPanel(page, 'Key times')
  const keyTimes = page.getByRole('region', { name: 'Key times' })
  await expect(keyTimes).toContainText('Time to stabilize')
  await expect(keyTimes).toContainText('3 h')
})

test('"It happened again" reopens within 48 hours and records a new incident after', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page, host } = app
  const id = await recordIncident(app, 'stabilized')
  await tickAllCommunications(host, id)
  await host.call('incident:move', { id, to: 'resolved', summary: 'Reindexed' })
  await expect(currentStep(page)).toContainText('Resolved')

  await app.clock.advance(47 * HOUR + 59 * MIN)
  await statusControl(page).getByRole('button', { name: 'It happened again…' }).click()
  let dialog = page.getByRole('dialog', { name: 'It happened again' })
  await expect(dialog).toContainText('within 48 hours')
  await dialog.getByLabel('What happened again?').fill('Empty results again at 13:59')
  await dialog.getByRole('button', { name: 'Reopen: Stabilization pending' }).click()
  await expect(dialog).toBeHidden()
  await expect(currentStep(page)).toContainText('Stabilization pending')
  await expect(
    timeline(page).getByText('It happened again (Dana): Empty results again at 13:59'),
  ).toBeVisible()

  await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' })
  await tickAllCommunications(host, id)
  await host.call('incident:move', { id, to: 'resolved', summary: 'Fixed the mapping' })
  await app.clock.advance(48 * HOUR + 1 * MIN)
  await statusControl(page).getByRole('button', { name: 'It happened again…' }).click()
  dialog = page.getByRole('dialog', { name: 'It happened again' })
  await expect(dialog).toContainText('more than 48 hours')
  await expect(dialog.getByLabel('New incident’s title')).toHaveValue('Search returns nothing')
  await expect(dialog.getByLabel('Severity')).toHaveValue('2')
  await dialog.getByLabel('What happened again?').fill('Empty results a third time')
  await dialog.getByRole('button', { name: 'Record a new incident' }).click()
  await expect(dialog).toBeHidden()

  expect(host.snapshot().incidents).toHaveLength(2)
  await expect(page.getByText(`Recurrence of Search returns nothing (${id})`)).toBeVisible()
  await expect(currentStep(page)).toContainText('Stabilization pending')
  const old = await host.call('incident:get', { id })
  expect(old.ok && old.value.status).toBe('resolved')
  expect(old.ok && old.value.links[0]?.relation).toBe('recurred-as')
})

test('"No lead yet" nags until a suggested lead is chosen', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' }, rota: ROTA } })
  const { page } = app
  await recordIncident(app)
  const banner = page.getByRole('status').filter({ hasText: 'No lead yet.' })
  await expect(banner).toBeVisible()
  // The header nags in three words; the Details panel says why.
  await openPanel(page, 'Details')
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(
    'Recording ends when a lead is identified',
  )

  await app.clock.advance(15 * MIN)
  await expect
    .poll(() => app.notifications.map((n) => n.title))
    .toEqual(['No lead yet: Search returns nothing'])

  await banner.getByRole('button', { name: 'Choose lead' }).click()
  const picker = page.getByRole('dialog', { name: 'Choose lead' })
  const suggestions = picker.getByRole('list', { name: 'Lead suggestions' }).getByRole('listitem')
  await expect(suggestions).toHaveCount(3)
  await expect(suggestions.first()).toContainText('Olga')
  await expect(suggestions.first()).toContainText(
    'runner this week · in working hours (15:15 their time) · has not led an incident here yet · knows: search',
  )
  await expect(suggestions.nth(2)).toContainText('Ken')
  await expect(suggestions.nth(2)).toContainText('outside working hours (23:15 their time)')
  await app.screenshot('lead-picker')
  await suggestions.first().getByRole('radio').check()
  await picker.getByLabel('Handover note').fill('Dana recorded it; Olga takes it from here')
  await picker.getByRole('button', { name: 'Set lead' }).click()
  await expect(picker).toBeHidden()
  await expect(banner).toBeHidden()
  await expect(
    timeline(page).getByText(
      'Lead: Olga, set by Dana. Handover: Dana recorded it; Olga takes it from here',
    ),
  ).toBeVisible()

  await app.clock.advance(60 * MIN)
  expect(app.notifications.filter((n) => n.title.startsWith('No lead yet'))).toHaveLength(1)
})

test('bad input through window.api gets a clear error and changes nothing', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' }, rota: ROTA } })
  const id = await recordIncident(app)
  const errors = await app.page.evaluate(async (incidentId) => {
    type Call = (input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>
    const api = (globalThis as unknown as { api: { incident: { move: Call; setLead: Call } } }).api
    return [
      await api.incident.move({ id: incidentId, to: 'closed' }),
      await api.incident.move({ id: incidentId, to: 'reviewed' }),
      await api.incident.setLead({ id: incidentId, lead: { kind: 'rota', name: 'Zed' } }),
      await api.incident.setLead({ id: incidentId, lead: { name: 'Zed' } }),
    ].map((r) => r.error?.message)
  }, id)
  expect(errors).toEqual([
    'Unknown status; use one of: pending, stabilized, investigating, resolved, reviewed.',
    'Stabilization pending can’t move to Reviewed; allowed: Stabilized.',
    'Zed is not on the rota (Olga, Ken, Sam). Pick someone from it, or type the name as someone not on the rota.',
    'Pick someone from the rota or type a name.',
  ])
  const after = await app.host.call('incident:get', { id })
  expect(after.ok && after.value.version).toBe(1)
  expect(after.ok && after.value.lead).toBeNull()
})

test('the rota is edited from the lead picker; a bad time zone is explained', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page } = app
  await recordIncident(app)
  await page.getByRole('button', { name: 'Choose lead' }).click()
  let picker = page.getByRole('dialog', { name: 'Choose lead' })
  await expect(picker).toContainText('The rota is empty.')
  await picker.getByRole('button', { name: 'Edit rota…' }).click()
  const editor = page.getByRole('dialog', { name: 'Rota' })
  await editor.getByRole('button', { name: 'Add person' }).click()
  await editor.getByLabel('Name').fill('Olga')
  await editor.getByLabel('Time zone').fill('Berlin')
  await editor.getByLabel('Knows').fill('search, api')
  await editor.getByRole('button', { name: 'Add week' }).click()
  await editor.getByLabel('Runner').selectOption('Olga')
  await editor.getByRole('button', { name: 'Save rota' }).click()
  await expect(editor.getByRole('alert')).toHaveText(
    '“Berlin” is not a time zone; use a name like Europe/Berlin or America/New_York.',
  )
  expect(app.host.settings().rota.people).toEqual([])
  await editor.getByLabel('Time zone').fill('Europe/Berlin')
  await app.screenshot('rota-editor')
  await editor.getByRole('button', { name: 'Save rota' }).click()
  await expect(editor).toBeHidden()
  picker = page.getByRole('dialog', { name: 'Choose lead' })
  await expect(picker.getByRole('list', { name: 'Lead suggestions' })).toContainText(
    'runner this week · in working hours (15:00 their time) · has not led an incident here yet · knows: search',
  )
  expect(app.host.settings().rota.schedule).toEqual([{ weekStart: '2026-11-23', runner: 'Olga' }])
})
