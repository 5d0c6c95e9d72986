import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tickAllCommunications } from '../electron/testing/fixtures'
import { expect, test } from './fixtures'
import type { App } from './harness'

async function recordIncident(app: App, severity = 1) {
  const recorded = await app.host.call('incident:record', {
    title: 'Search returns 500s',
    severity,
    detection: 'alert',
    recorder: 'Dana',
    // Already stable: the policy's graph allows resolving from here.
    status: 'stabilized',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  return recorded.value.id
}

/** Communication items also hold up resolving (e2e/comms.spec.ts); done here so alarms are what block. */
const tickCommunications = (app: App, id: string) => tickAllCommunications(app.host, id)

test('resolving is blocked by a silenced alarm and goes through once it is re-enabled', async ({
  launchApp,
}) => {
  const app = await launchApp({
    settings: {
      you: { name: 'Dana' },
      quickLinks: [
        { label: 'Logs', url: 'https://logs.example.org' },
        { label: 'Dashboards', url: 'https://grafana.example.org' },
      ],
    },
  })
  const { page } = app
  const id = await recordIncident(app)
  await tickCommunications(app, id)
  const panel = page.getByRole('region', { name: 'Mitigation' })
  await expect(panel.getByRole('link', { name: 'Logs ↗' })).toHaveAttribute(
    'href',
    'https://logs.example.org',
  )

  // Silenced alarm.
  await panel.getByRole('button', { name: '+ Silenced an alarm' }).click()
  await panel.getByLabel('Alarm name').fill('API 5xx')
  await panel.getByRole('button', { name: 'Silenced', exact: true }).click()
  await expect(panel.getByText('silenced under a minute ago by Dana')).toBeVisible()
  await expect(panel.getByText('1 alarm silenced')).toBeVisible()

  // A restart asks for a backup first; "I have a backup" records it.
  await panel.getByRole('button', { name: '+ Started a measure' }).click()
  await panel.getByLabel('Kind of measure').selectOption('restart')
  await panel.getByLabel('What exactly').fill('search API pods')
  await panel.getByLabel('Undo plan').fill('nothing to undo; check they came back')
  await panel.getByRole('button', { name: 'Started', exact: true }).click()
  const prompt = panel.getByRole('alertdialog', { name: 'Take a backup or screenshot first?' })
  await expect(prompt.getByRole('button', { name: 'Capture screen now' })).toBeVisible()
  await prompt.getByRole('button', { name: 'I have a backup' }).click()
  await expect(prompt).toBeHidden()
  await expect(
    page
      .getByRole('region', { name: 'Timeline' })
      .getByText(
        /Temporary measure: service restarted: search API pods \(Dana\); backup confirmed/,
      ),
  ).toBeVisible()

  // A feature flag off, partly undone.
  await panel.getByRole('button', { name: '+ Started a measure' }).click()
  await panel.getByLabel('Kind of measure').selectOption('flag-off')
  await panel.getByLabel('What exactly').fill('search-v2')
  await panel.getByLabel('Undo plan').fill('re-enable 10%, then 100%')
  await panel.getByRole('button', { name: 'Started', exact: true }).click()
  const flag = panel.getByRole('listitem').filter({ hasText: 'feature flag off: search-v2' })
  await flag.getByRole('button', { name: 'Partly…' }).click()
  await flag.getByLabel('How far it is undone').fill('re-enabled for 10% of traffic')
  await flag.getByRole('button', { name: 'Save' }).click()
  await expect(flag).toContainText('partly undone: re-enabled for 10% of traffic')
  const restart = panel.getByRole('listitem').filter({ hasText: 'service restarted' })
  await restart.getByRole('button', { name: 'Undone “service restarted: search API pods”' }).click()
  await expect(restart).toContainText('✓ undone')

  // Third party and follow-up (critical is proposed for severity 1).
  await panel.getByRole('button', { name: '+ Contacted someone' }).click()
  await panel.getByLabel('Who').fill('Cloudflare')
  await panel.getByLabel('Channel').fill('support ticket')
  await panel.getByLabel('Their reference').fill('CF-4411')
  await panel.getByRole('button', { name: 'Contacted' }).click()
  await expect(
    panel.getByText(/via support ticket, .* · ref CF-4411 · no answer yet/),
  ).toBeVisible()
  await panel.getByRole('button', { name: '+ Follow-up issue' }).click()
  await panel.getByLabel('Follow-up title').fill('Add a circuit breaker around search')
  await expect(panel.getByRole('checkbox', { name: 'Critical' })).toBeChecked()
  await panel.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(panel.getByText('critical', { exact: true })).toBeVisible()
  await expect(panel.getByText('1 alarm silenced · 1 measure not undone')).toBeVisible()
  await page.getByRole('heading', { name: 'Mitigation' }).evaluate((el) => {
    el.scrollIntoView({ block: 'start' })
    el.closest('.detail')?.scrollBy(0, -12)
  })
  await app.screenshot('registers')
  // Scrolled to its heading, the panel scrolls inside itself: the header covers neither the
  // panel tabs nor the timeline toolbar (it covered both when the page itself scrolled).
  const headerBottom = await page
    .locator('.workspace-head')
    .evaluate((el) => el.getBoundingClientRect().bottom)
  for (const below of [
    page.getByRole('tablist', { name: 'Panels' }),
    page.getByRole('toolbar', { name: 'Timeline view' }),
  ]) {
    const top = await below.evaluate((el) => el.getBoundingClientRect().top)
    expect(top).toBeGreaterThanOrEqual(headerBottom - 1)
  }

  // Keep the flag on purpose so only the alarm blocks.
  await flag.getByRole('button', { name: 'Keep…' }).click()
  await flag.getByLabel('Why it stays').fill('search-v2 stays at 10% until the fix ships')
  await flag.getByRole('button', { name: 'Keep', exact: true }).click()
  await expect(flag).toContainText('kept: search-v2 stays at 10%')

  await page
    .getByRole('region', { name: 'Status' })
    .getByRole('button', { name: 'Resolved…' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Resolve “Search returns 500s”' })
  await expect(dialog.getByRole('listitem')).toHaveCount(1)
  await expect(dialog.getByRole('listitem')).toContainText(
    'Alarm “API 5xx” is still silenced: re-enable it.',
  )
  await dialog.getByLabel('Solution summary').fill('Rolled back the 13:40 deploy.')
  // Resolve cannot be pressed while something blocks; the reason stands beside it.
  await expect(dialog.getByRole('button', { name: 'Resolve', exact: true })).toBeDisabled()
  await expect(
    dialog.getByRole('button', { name: 'Resolve', exact: true }),
  ).toHaveAccessibleDescription('1 item still open above.')
  await app.screenshot('resolve-blocked')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  // Refused: nothing was written, the incident is still active.
  expect(app.host.snapshot().incidents[0]?.status).toBe('stabilized')

  await panel.getByRole('button', { name: 'Re-enabled “API 5xx”' }).click()
  await expect(panel.getByText('Nothing silenced or left to undo')).toBeVisible()
  await page
    .getByRole('region', { name: 'Status' })
    .getByRole('button', { name: 'Resolved…' })
    .click()
  await expect(dialog.getByText('✓ Nothing left silenced, undone or uncommunicated.')).toBeVisible()
  await dialog.getByLabel('Solution summary').fill('Rolled back the 13:40 deploy.')
  await dialog.getByRole('button', { name: 'Resolve', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Status: Stabilized → Resolved (Dana): Rolled back the 13:40 deploy.'),
  ).toBeVisible()
  expect(app.host.snapshot().incidents[0]?.status).toBe('resolved')
  expect(app.notifications.filter((n) => n.title.startsWith('Resolved with'))).toEqual([])
})

test('an override records its reason on the timeline and warns about the silenced alarm', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const id = await recordIncident(app, 2)
  await app.host.call('alarm:silence', { id, name: 'DB CPU' })
  const { page } = app
  await page
    .getByRole('region', { name: 'Status' })
    .getByRole('button', { name: 'Resolved…' })
    .click()
  const dialog = page.getByRole('dialog', { name: /^Resolve/ })
  await dialog.getByLabel('Solution summary').fill('Added an index.')
  const anyway = dialog.getByRole('button', { name: 'Resolve anyway' })
  await expect(anyway).toBeDisabled()
  await expect(anyway).toHaveAccessibleDescription('Type a reason to resolve anyway.')
  await dialog
    .getByLabel('Reason to resolve anyway')
    .fill('The DB team owns that alarm and re-enables it')
  await anyway.click()
  await expect(dialog).toBeHidden()
  await expect(
    page
      .getByRole('region', { name: 'Timeline' })
      .getByText(
        /^Resolved anyway with \d+ items still open\. Reason: The DB team owns that alarm and re-enables it$/,
      ),
  ).toBeVisible()
  expect(app.notifications.map((n) => n.title)).toContain('Resolved with 1 alarm still silenced')
})

test('a folder of Markdown runbooks imports, lists what it skipped, and one links to an incident', async ({
  launchApp,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'runbooks-'))
  try {
    writeFileSync(
      join(folder, 'search-api.md'),
      '# Search API is down\nAlarms: API 5xx\n\n## Immediate response\n1. Check the load balancer\n2. Roll back the last deploy\n',
    )
    writeFileSync(join(folder, 'database.md'), '# Database overload\n## Steps\n- Page the DBA\n')
    writeFileSync(join(folder, 'notes.txt'), 'not a runbook')
    writeFileSync(join(folder, 'scan.md'), Buffer.from([0xff, 0xd8, 0xff, 0x00]))
    symlinkSync(join(folder, 'moved-away.md'), join(folder, 'old-cdn.md'))
    mkdirSync(join(folder, 'drafts'))

    const app = await launchApp({ settings: { you: { name: 'Dana' } } })
    const id = await recordIncident(app)
    const { page } = app
    const panel = page.getByRole('region', { name: 'Mitigation' })
    await panel.getByRole('button', { name: 'Import a folder of runbooks…' }).click()
    app.picker.answer(folder)
    await panel.getByRole('button', { name: 'Choose…' }).click()
    await expect(panel.getByLabel('Runbook folder')).toHaveText(folder)
    await panel.getByRole('button', { name: 'Import', exact: true }).click()
    const report = panel.getByRole('status').filter({ hasText: 'Imported' })
    await expect(report).toContainText(
      'Imported 2 runbooks: Database overload, Search API is down.',
    )
    await expect(
      report.getByRole('list', { name: 'Skipped files' }).getByRole('listitem'),
    ).toHaveText([
      'drafts: a folder; only .md and .markdown files are imported',
      'notes.txt: not a Markdown file (.txt); only .md and .markdown files are imported',
      'old-cdn.md: could not be read: it does not exist (a broken link?)',
      'scan.md: could not be read: it is not UTF-8 text',
    ])
    await report.scrollIntoViewIfNeeded()
    await app.screenshot('runbook-import')

    // Typing an alarm the runbook covers proposes the link.
    await panel.getByRole('button', { name: '+ Silenced an alarm' }).click()
    await panel.getByLabel('Alarm name').fill('api 5xx')
    await panel.getByRole('button', { name: 'Link “Search API is down”' }).click()
    const steps = panel.getByRole('region', { name: /Runbook/ })
    await expect(steps.getByRole('checkbox')).toHaveCount(2)
    await steps.getByRole('checkbox', { name: 'Roll back the last deploy' }).click()
    await expect(
      page
        .getByRole('region', { name: 'Timeline' })
        .getByText('Done: runbook step “Roll back the last deploy” (Dana)'),
    ).toBeVisible()
    await expect(steps).toContainText('1 of 2 steps left')
    const incident = await app.host.call('incident:get', { id })
    expect(incident.ok && incident.value.runbook?.title).toBe('Search API is down')
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
