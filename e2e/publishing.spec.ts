import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { tickAllCommunications } from '../electron/testing/fixtures'
import { requireTestSite, type TestSite } from '../electron/testing/wordpress-site'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { SCREENSHOT_DIR } from './harness'
import { openPanel } from './workspace'

// Against the real WordPress of scripts/wordpress-test-site.sh (CI installs and requires it;
// elsewhere the spec skips with one line saying how to start it).
const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'wordpress-test-site.sh')
const server = (action: 'start' | 'stop') => execFileSync(SCRIPT, [action], { stdio: 'ignore' })

/** Where the comms UI lives: the Communications panel of the workspace, opened. */
async function commsPanel(page: Page) {
  await openPanel(page, 'Communications')
  return page.getByRole('region', { name: 'Communications' })
}

/** The site's REST API as the test reads it, with the editor's application password. */
function rest(site: TestSite) {
  const auth = `Basic ${Buffer.from(`${site.user}:${site.password.replace(/\s/g, '')}`).toString('base64')}`
  return async <T>(route: string, query = '', init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${site.url}/?rest_route=${route}${query}`, {
      ...init,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
    })
    return (await res.json()) as T
  }
}

test('publishes to a real WordPress: connect, post, tag swap, comments, outbox across a restart, resolved edit', async ({
  launchApp,
  browser,
}) => {
  test.setTimeout(120_000)
  const site = await requireTestSite()
  test.skip(!site, 'no WordPress test site (scripts/wordpress-test-site.sh)')
  if (!site) return
  server('start')
  const wp = rest(site)
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page, host } = app

  const recorded = await host.call('incident:record', {
    title: `Search returns 500 (${Date.now()})`,
    observed: 'Every search answers 500.',
    severity: 1,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  const id = recorded.value.id
  const title = recorded.value.title

  // Connect from the incident (it opens Settings → Publishing): a wrong password is refused in
  // words, then the right one is kept.
  await (await commsPanel(page)).getByRole('button', { name: 'Connect the P2…' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await expect(settings.getByRole('heading', { name: 'Publishing' })).toBeVisible()
  await settings.getByLabel('Site address').fill(site.url)
  await settings.getByLabel('User name').fill(site.user)
  await settings.getByLabel('Application password').fill('aaaa bbbb cccc dddd eeee ffff')
  await settings.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(settings.getByRole('alert')).toHaveText(
    'The site refused the password: check the user name and the application password.',
  )
  await settings.getByLabel('Application password').fill(site.password)
  await settings.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(settings.getByRole('status')).toContainText(
    'Connected to Incident Tray test P2 as oncall',
  )
  await settings.getByRole('button', { name: 'Test connection' }).click()
  await expect(settings.getByRole('status')).toContainText('The connection works')
  await app.screenshot('publishing-settings')
  await expectAccessible(page, 'Settings → Publishing')
  await page.keyboard.press('Escape')

  // The post, previewed first.
  const panel = await commsPanel(page)
  await panel.getByRole('button', { name: 'Publish the P2 incident post…' }).click()
  const preview = panel.getByRole('region', { name: 'Preview: P2 incident post' })
  await expect(preview).toContainText('status-recorded')
  await preview.getByRole('button', { name: 'Publish', exact: true }).scrollIntoViewIfNeeded()
  await app.screenshot('publish-preview')
  await expectAccessible(page, 'publish preview')
  await preview.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(
    panel.getByRole('status').filter({ hasText: 'Published the P2 incident post' }),
  ).toBeVisible()
  const incident = await host.call('incident:get', { id })
  if (!incident.ok) throw new Error(incident.error.message)
  const post = incident.value.publishing.post!
  expect(incident.value.p2Url).toBe(post.link)
  expect(incident.value.commsChecked['p2-posted']).toBeDefined()

  type Post = { title: { raw: string }; content: { raw: string }; tags: number[] }
  const tagSlugs = async () => {
    const p = await wp<Post>(`/wp/v2/posts/${post.id}`, '&context=edit')
    const tags = await wp<{ slug: string }[]>('/wp/v2/tags', `&include=${p.tags.join(',')}`)
    return tags.map((t) => t.slug).sort()
  }
  const remote = await wp<Post>(`/wp/v2/posts/${post.id}`, '&context=edit')
  expect(remote.title.raw).toContain(title)
  expect(remote.content.raw).toContain('Every search answers 500.')
  expect(await tagSlugs()).toEqual(['status-recorded'])

  // Another tag added on the site is kept when the status tag follows a move.
  const other = await wp<{ id: number } & { code?: string; data?: { term_id: number } }>(
    '/wp/v2/tags',
    '',
    { method: 'POST', body: JSON.stringify({ name: 'openverse-api' }) },
  )
  const otherId = other.id ?? other.data!.term_id
  await wp(`/wp/v2/posts/${post.id}`, '', {
    method: 'POST',
    body: JSON.stringify({ tags: [...remote.tags, otherId] }),
  })
  const moved = await host.call('incident:move', {
    id,
    to: 'stabilized',
    summary: 'Rolled back the deploy.',
  })
  if (!moved.ok) throw new Error(moved.error.message)
  await expect.poll(tagSlugs).toEqual(['openverse-api', 'status-stabilized'])

  // A status comment.
  const comments = async () =>
    (await wp<{ id: number }[]>('/wp/v2/comments', `&post=${post.id}&context=edit`)).length
  await panel.getByRole('button', { name: 'Publish the P2 status comment…' }).click()
  await panel.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(
    panel.getByRole('status').filter({ hasText: 'Published the P2 status comment' }),
  ).toBeVisible()
  expect(await comments()).toBe(1)

  // The site goes away: the next comment waits in the outbox, across a restart of the app.
  server('stop')
  try {
    await panel.getByRole('button', { name: 'Publish the P2 status comment…' }).click()
    await panel.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(panel.getByText('1 waiting to publish')).toBeVisible()
    await expect(panel.getByRole('region', { name: 'Outbox' })).toContainText(
      'Could not reach 127.0.0.1',
    )
    await app.screenshot('publish-outbox')
    await expectAccessible(page, 'outbox with a waiting item')
    await app.restart()
    await expect((await commsPanel(app.page)).getByText('1 waiting to publish')).toBeVisible()
  } finally {
    server('start')
  }
  // The retry comes by the app's clock (backoff), and publishes exactly once.
  await app.clock.advance(5 * 60_000)
  await expect((await commsPanel(app.page)).getByText('waiting to publish')).toHaveCount(0)
  expect(await comments()).toBe(2)
  expect(app.notifications.map((n) => n.title)).toContain('Published to the P2')
  await app.clock.advance(60 * 60_000)
  expect(await comments()).toBe(2)

  // Resolved: the tag follows, and the resolved edit of the post.
  await tickAllCommunications(app.host, id)
  const resolved = await app.host.call('incident:resolve', {
    id,
    solutionSummary: 'Reverted the index change.',
  })
  if (!resolved.ok) throw new Error(resolved.error.message)
  await expect.poll(tagSlugs).toEqual(['openverse-api', 'status-resolved'])
  const panel2 = await commsPanel(app.page)
  await panel2.getByRole('button', { name: 'Publish the resolved edit of the P2 post…' }).click()
  await panel2.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(
    panel2.getByRole('status').filter({ hasText: 'Published the resolved edit of the P2 post' }),
  ).toBeVisible()
  const edited = await wp<Post>(`/wp/v2/posts/${post.id}`, '&context=edit')
  expect(edited.title.raw).toBe(`Resolved: ${remote.title.raw}`)
  expect(await tagSlugs()).toEqual(['openverse-api', 'status-resolved'])

  // The published post as WordPress renders it.
  const view = await browser.newPage({ viewport: { width: 1100, height: 900 } })
  await view.goto(post.link)
  await expect(view.getByRole('heading', { name: /Resolved:/ }).first()).toBeVisible()
  await view.screenshot({ path: join(SCREENSHOT_DIR, 'published-post.png'), fullPage: false })
  await view.close()
})
