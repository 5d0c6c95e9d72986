import { itemText } from '../electron/domain/timeline/timeline'
import { tickAllCommunications } from '../electron/testing/fixtures'
import type { App } from './harness'
import { expect, test } from './fixtures'
import { expectGolden } from './golden'
import { openPanel } from './workspace'

async function recordSev1(app: App, title = 'API returns 500 for all searches') {
  const recorded = await app.host.call('incident:record', {
    title,
    observed: 'Every search on openverse.org and the API answers 500; no results for anyone.',
    severity: 1,
    detection: 'user-report',
    area: 'API',
    recorder: 'Sam',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  return recorded.value.id
}

/** Stabilized, then Resolved, through the status control as a maintainer would. */
async function resolveThroughTheUi(app: App, id: string): Promise<void> {
  const { page } = app
  const status = page.getByRole('region', { name: 'Status' })
  await status.getByRole('button', { name: 'Stabilized…' }).click()
  const stabilize = page.getByRole('dialog', { name: 'Move to Stabilized' })
  await stabilize.getByRole('textbox').fill('Rolled back the API deploy')
  await stabilize.getByRole('button', { name: 'Move to Stabilized' }).click()
  await expect(stabilize).toBeHidden()
  // The communication checklist is done (e2e/comms.spec.ts covers ticking it by hand).
  await tickAllCommunications(app.host, id)
  await status.getByRole('button', { name: 'Resolved…' }).click()
  const resolve = page.getByRole('dialog', { name: /^Resolve “/ })
  await resolve.getByLabel('Solution summary').fill('Added the missing setting; CI now checks it.')
  await resolve.getByRole('button', { name: 'Resolve', exact: true }).click()
  await expect(resolve).toBeHidden()
}

const workspace = (app: App) => app.page.getByRole('dialog', { name: /Retrospective:/ })

test('drafts persist across restart; an empty chain and an untitled action item are named clearly', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  await recordSev1(app)
  await openPanel(app.page, 'Retrospective')
  await app.page.getByRole('button', { name: 'Prepare retrospective' }).click()
  const ws = workspace(app)
  await expect(ws.getByRole('note')).toHaveText(/Focus on systems and processes, not people/)
  await expect(ws.getByLabel('Attendees')).toHaveValue('Sam')
  await ws.getByLabel('Attendees').fill('Sam, Dana, Alex')
  await ws.getByLabel('5-whys chain 1, why 1').fill('Why did every search answer 500?')
  await ws.getByRole('button', { name: 'Add another 5-whys chain' }).click()
  await ws.getByRole('button', { name: 'Add an action item' }).click()
  await ws.getByLabel('Action item 1 owner').fill('Alex')
  await ws.getByLabel('Action item 1 type').selectOption('detective')
  await expect(ws.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()

  await ws.getByText(/Still missing before completing/).click()
  const missing = ws.locator('.retro-missing')
  await expect(missing).toContainText('5-whys chain 1: why 1 has no answer yet.')
  await expect(missing).toContainText('5-whys chain 2 needs at least one why with its answer.')
  await expect(missing).toContainText('Action item 1 needs a title.')
  await ws.getByRole('button', { name: 'Complete retrospective' }).click()
  await expect(ws.getByRole('alert')).toHaveText(
    'Resolve the incident before completing its retrospective.',
  )
  await ws.getByRole('heading', { name: 'Key moments' }).scrollIntoViewIfNeeded()
  // Its one moment so far, the recording: counted as one.
  await expect(ws.getByText('0 picked · 1 moment', { exact: true })).toBeVisible()
  await app.screenshot('retro-workspace')

  await app.restart()
  await openPanel(app.page, 'Retrospective')
  await app.page.getByRole('button', { name: 'Prepare retrospective' }).click()
  const again = workspace(app)
  await expect(again.getByLabel('Attendees')).toHaveValue('Sam, Dana, Alex')
  await expect(again.getByLabel('5-whys chain 1, why 1')).toHaveValue(
    'Why did every search answer 500?',
  )
  await expect(again.getByRole('group', { name: '5-whys chain 2' })).toBeVisible()
  await expect(again.getByLabel('Action item 1 owner')).toHaveValue('Alex')
  await expect(again.getByLabel('Action item 1 type')).toHaveValue('detective')
})

test('open action items from every incident in one list; ticking one done is on its timeline', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const first = await recordSev1(app, 'Search down')
  const second = await recordSev1(app, 'Thumbnails missing')
  const action = (id: string, title: string, due: string) => ({
    id,
    title,
    owner: 'Dana',
    due,
    type: 'preventative' as const,
  })
  await app.host.call('retro:saveDraft', {
    id: first,
    draft: { actions: [action('a1', 'Alert on 5xx at night', '2026-11-20')] },
  })
  await app.host.call('retro:saveDraft', {
    id: second,
    draft: { actions: [action('a2', 'Cache thumbnails longer', '2026-12-10')] },
  })
  await app.page.getByRole('button', { name: 'Action items (2 open)' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Open action items' })
  const items = dialog.getByRole('listitem')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText('Alert on 5xx at night')
  await expect(items.nth(0)).toContainText('Overdue since 2026-11-20')
  await expect(items.nth(0)).toContainText('Search down')
  await expect(items.nth(1)).toContainText('due 2026-12-10')
  await items.nth(0).getByRole('checkbox').click()
  await expect(items).toHaveCount(1)
  await expect(app.page.getByRole('button', { name: 'Action items (1 open)' })).toBeVisible()
  const incident = await app.host.call('incident:get', { id: first })
  expect(incident.ok && itemText(incident.value.timeline.at(-1)!)).toBe(
    'Action item done: Alert on 5xx at night',
  )
})

test('the postmortem preview shows the document; Copy puts the same text and HTML on the clipboard', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const id = await recordSev1(app)
  await app.host.call('retro:saveDraft', {
    id,
    draft: {
      attendees: ['Sam', 'Dana'],
      date: '2026-11-24',
      chains: [
        {
          id: 'c1',
          problem: 'Every search answered 500',
          whys: [{ id: 'w1', question: 'Why?', answer: 'A missing setting crashed the API.' }],
          rootCause: 'New settings are not checked against production.',
        },
      ],
      actions: [{ id: 'a1', title: 'Check settings in CI', owner: 'Dana', type: 'preventative' }],
    },
  })
  await openPanel(app.page, 'Retrospective')
  await app.page.getByRole('button', { name: 'Prepare retrospective' }).click()
  await workspace(app).getByRole('tab', { name: 'Postmortem preview' }).click()
  const text = workspace(app).getByLabel('Postmortem text')
  await expect(text).toContainText('## 5 whys')
  await app.screenshot('postmortem-preview')
  await workspace(app).getByRole('button', { name: 'Copy postmortem' }).click()
  await expect(workspace(app).getByText('Copied the postmortem')).toBeVisible()
  const doc = await app.host.call('retro:postmortem', { id })
  expect(doc.ok && app.clipboard.text()).toBe(doc.ok && doc.value.markdown)
  expect(app.clipboard.html()).toContain('<h2>Root cause</h2>')
  await workspace(app).getByRole('button', { name: 'Export Markdown…' }).click()
  await expect(workspace(app).getByText(/Saved to .*postmortem-.*\.md/)).toBeVisible()
  expect(app.files.saved[0]?.content).toBe(app.clipboard.text())
})

test('a resolved severity 1 incident shows the retrospective as due', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const id = await recordSev1(app)
  await resolveThroughTheUi(app, id)
  await expect(app.page.getByRole('region', { name: /API returns 500/ })).toContainText(
    'Retrospective due',
  )
  await expect(app.page.getByRole('navigation', { name: 'Incidents' })).toContainText(
    'Retrospective due',
  )
})

test('two whys-chains and three action items end in Reviewed; the copy equals the golden text', async ({
  launchApp,
}) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const id = await recordSev1(app)
  await resolveThroughTheUi(app, id)
  await openPanel(app.page, 'Retrospective')
  await app.page.getByRole('button', { name: 'Retrospective', exact: true }).click()
  const ws = workspace(app)
  await ws.getByLabel('Date').fill('2026-11-24')
  for (const [chain, why, answer, cause] of [
    [
      1,
      'Why did every search answer 500?',
      'A missing setting crashed the API.',
      'No settings check.',
    ],
    [2, 'Why did no alert fire?', 'The 5xx alert was silenced.', 'Silences never expire.'],
  ] as const) {
    if (chain === 2) await ws.getByRole('button', { name: 'Add another 5-whys chain' }).click()
    await ws.getByLabel(`5-whys chain ${chain}, why 1`).fill(why)
    await ws.getByLabel(`5-whys chain ${chain}, answer 1`).fill(answer)
    await ws.getByLabel(`5-whys chain ${chain}, root cause`).fill(cause)
  }
  const actions = [
    ['Check settings in CI', 'Dana', 'preventative'],
    ['Expire alert silences', 'Alex', 'detective'],
    ['Add the setting to production', 'Sam', 'corrective'],
  ] as const
  for (const [i, [title, owner, type]] of actions.entries()) {
    await ws.getByRole('button', { name: 'Add an action item' }).click()
    await ws.getByLabel(`Action item ${i + 1} title`).fill(title)
    await ws.getByLabel(`Action item ${i + 1} owner`).fill(owner)
    await ws.getByLabel(`Action item ${i + 1} type`).selectOption(type)
  }
  await ws.getByRole('button', { name: 'Complete retrospective' }).click()
  await expect(ws.getByText('Completed', { exact: true })).toBeVisible()
  await ws.getByRole('button', { name: 'Copy postmortem' }).click()
  expectGolden('retro/postmortem.md', app.clipboard.text()!)
  await ws.getByRole('button', { name: 'Close' }).click()
  await expect(app.page.getByRole('region', { name: /API returns 500/ })).toContainText('Reviewed')
  await app.page.getByRole('button', { name: 'Copy #status-reviewed comment' }).click()
  expect(app.clipboard.text()).toContain('#status-reviewed')
})
