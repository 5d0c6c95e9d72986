import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import {
  FOLLOW_USERS_FILE,
  followUsers,
  requireTestSite,
  TEST_SITE_REQUIRED,
  type TestSite,
} from '../electron/testing/wordpress-site'
import { expect, test } from './fixtures'
import type { App } from './harness'

// Two apps (two data folders) follow one post on the real WordPress of
// scripts/wordpress-test-site.sh, with the second editor, the author and the administrator's
// application password its `follow-users` step adds.
const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'wordpress-test-site.sh')
const server = (action: 'start' | 'stop') => execFileSync(SCRIPT, [action], { stdio: 'ignore' })

type Who = { user: string; password: string }

async function rest(site: TestSite, who: Who, route: string, body?: unknown) {
  const res = await fetch(`${site.url}/?rest_route=${route}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      Authorization: `Basic ${Buffer.from(`${who.user}:${who.password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: body ? JSON.stringify(body) : null,
  })
  return (await res.json()) as Record<string, unknown> & Record<string, unknown>[]
}

/** What main does on focus or wake: the app reads every followed post now, and finishes. */
async function read(...apps: App[]) {
  for (const app of apps) {
    await app.clock.advance(20_000)
    app.host.wake()
    await app.host.followingIdle()
  }
}

async function shoot(app: App, name: string) {
  await app.page.setViewportSize({ width: 1280, height: 800 })
  await app.screenshot(`${name}-1280`)
  await app.page.setViewportSize({ width: 420, height: 700 })
  await app.screenshot(`${name}-420`)
  await app.page.setViewportSize({ width: 1280, height: 800 })
}

const header = (page: Page) => page.locator('.incident-header')

test('two apps follow one P2 post: open from the P2, comments, markup, tag, the site down and back', async ({
  launchApp,
}) => {
  test.setTimeout(180_000)
  const site = await requireTestSite()
  const users = followUsers()
  if (site && !users && TEST_SITE_REQUIRED) throw new Error(`${FOLLOW_USERS_FILE} is missing`)
  test.skip(
    !site || !users,
    'no WordPress test site with follow users (scripts/wordpress-test-site.sh)',
  )
  if (!site || !users) return
  const now = new Date()
  const a = await launchApp({ now, settings: { you: { name: 'Dana' } } })
  const b = await launchApp({ now, settings: { you: { name: 'Alex' } } })
  for (const [app, who] of [
    [a, { user: site.user, password: site.password }],
    [b, users.lead],
  ] as const) {
    const connected = await app.host.call('publishing:connect', { url: site.url, ...who })
    if (!connected.ok) throw new Error(connected.error.message)
  }

  // A records and publishes.
  const title = `Thumbnails time out (${Date.now()})`
  const recorded = await a.host.call('incident:record', {
    title,
    observed: 'Every thumbnail answers 504.',
    severity: 1,
    detection: 'alert',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  const idA = recorded.value.id
  const post = await a.host.call('publishing:publish', { id: idA, kind: 'post' })
  if (!post.ok || post.value.outcome !== 'published') throw new Error('publish failed')
  const link = post.value.link
  const postId = Number(new URL(link).searchParams.get('p'))
  await a.page
    .getByRole('button', { name: new RegExp(title.slice(0, 20)) })
    .first()
    .click()

  // B opens it from the P2: the record dialog's "Open from the P2…", the post's address.
  await b.page.keyboard.press('Control+n')
  await b.page.getByRole('button', { name: 'Open from the P2…' }).click()
  const dialog = b.page.getByRole('dialog', { name: 'Open from the P2' })
  // The site keeps every earlier run's posts: this run's, by its whole title.
  await expect(
    dialog.getByRole('button', { name: `Incident: ${title}`, exact: true }),
  ).toBeVisible()
  await dialog.getByLabel('The post’s address').fill(link)
  await shoot(b, 'p2-open-from-the-p2')
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(header(b.page).getByRole('heading', { name: title })).toBeVisible()

  // B posts a status comment: A's countdown restarts and A's timeline shows it, in one poll.
  const idB = (b.host.snapshot().incidents.find((i) => i.title === title) ?? { id: '' }).id
  const comment = await b.host.call('publishing:publish', { id: idB, kind: 'comment' })
  if (!comment.ok || comment.value.outcome !== 'published') throw new Error('comment failed')
  await read(a, b)
  await expect(header(a.page)).toContainText(/Last update \d\d:\d\d by Alex on the P2/)
  await expect(a.page.locator('.p2-comment').filter({ hasText: 'Alex' })).toBeVisible()
  await expect(b.page.locator('.p2-comment')).toHaveCount(0)
  await shoot(a, 'p2-last-update-and-comment')

  // The administrator's markup, a script and a javascript: link: plain text in both.
  await rest(site, users.admin, '/wp/v2/comments', {
    post: postId,
    content:
      '<p>CDN purge <b>done</b><script>alert(1)</script> <a href="javascript:alert(2)">details</a></p>',
  })
  await read(a, b)
  for (const app of [a, b]) {
    await expect(app.page.locator('.p2-comment').filter({ hasText: 'admin' })).toContainText(
      'CDN purge done details',
    )
    await expect(app.page.locator('.p2-comment').filter({ hasText: 'alert' })).toHaveCount(0)
  }

  // The tag swapped through the REST API: both say "The P2 says Stabilized"; A applies it.
  const tags = await rest(site, users.admin, '/wp/v2/tags&slug=status-stabilized')
  const tagId =
    (tags[0]?.id as number | undefined) ??
    ((await rest(site, users.admin, '/wp/v2/tags', { name: 'status-stabilized' })).id as number)
  await rest(site, users.admin, `/wp/v2/posts/${postId}`, { tags: [tagId] })
  await read(a, b)
  for (const app of [a, b]) {
    await expect(header(app.page)).toContainText(/The P2 says Stabilized \(tag changed/)
  }
  await shoot(a, 'p2-says-stabilized')
  await header(a.page).getByRole('button', { name: 'Apply' }).click()
  const move = a.page.getByRole('dialog', { name: 'Move to Stabilized' })
  await expect(move.getByRole('textbox')).toHaveValue('CDN purge done details')
  await move.getByRole('button', { name: 'Move to Stabilized' }).click()
  await expect(header(a.page)).not.toContainText('The P2 says')
  await a.host.publishingIdle()

  // Nothing twice on the site: one post, two comments, the tag still Stabilized.
  expect(
    await rest(site, users.admin, `/wp/v2/posts&search=${encodeURIComponent(title)}`),
  ).toHaveLength(1)
  expect(await rest(site, users.admin, `/wp/v2/comments&post=${postId}&per_page=100`)).toHaveLength(
    2,
  )
  expect((await rest(site, users.admin, `/wp/v2/posts/${postId}&_fields=tags`)).tags).toEqual([
    tagId,
  ])

  // The site down: a line in the header, not a dialog; back: caught up once.
  server('stop')
  try {
    await read(a, b)
    for (const app of [a, b]) {
      await expect(header(app.page)).toContainText(/P2 not reachable since \d\d:\d\d/)
      await expect(app.page.getByRole('dialog')).toHaveCount(0)
    }
    await shoot(b, 'p2-not-reachable')
  } finally {
    server('start')
  }
  await rest(site, users.admin, '/wp/v2/comments', {
    post: postId,
    content: 'Back after the outage.',
  })
  await read(a, b)
  for (const app of [a, b]) {
    await expect(header(app.page)).not.toContainText('not reachable')
    await expect(
      app.page.locator('.p2-comment').filter({ hasText: 'Back after the outage.' }),
    ).toHaveCount(1)
  }
})
