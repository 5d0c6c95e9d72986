import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUTHOR_CANNOT_TAG } from './p2-handlers'
import { RECHECK_MS } from '../../domain/comms/p2-follow'
import { itemText } from '../../domain/timeline/timeline'
import { ManualClock } from '../clock'
import { ok, tempDir, testHost } from '../../testing/fixtures'
import {
  FOLLOW_USERS_FILE,
  followUsers,
  requireTestSite,
  TEST_SITE_REQUIRED,
  type TestSite,
} from '../../testing/wordpress-site'

/**
 * Two apps (two data folders) follow one post on the real WordPress of
 * scripts/wordpress-test-site.sh: A records and publishes, B opens it from the post's address as
 * the lead (a second editor), comments reach the other app, the administrator's markup arrives as
 * plain text, a tag swapped on the site shows as "The P2 says …", and nothing is posted twice.
 */
const site = await requireTestSite()
const users = followUsers()
// Where the site is required (CI), its follow users are too: a missing step never passes as a skip.
if (site && !users && TEST_SITE_REQUIRED) {
  throw new Error(`INCIDENT_TRAY_WP_REQUIRED=1 but ${FOLLOW_USERS_FILE} is missing`)
}
const run = site && users ? describe : describe.skip
if (site && !users)
  console.log('P2 follow tests skipped: run scripts/wordpress-test-site.sh follow-users')

const dirs: (() => void)[] = []
afterAll(() => dirs.forEach((c) => c()))

async function app(name: string, user: { user: string; password: string }, s: TestSite) {
  const { dir, cleanup } = tempDir()
  dirs.push(cleanup)
  // Random ids: the real site keeps every earlier run's posts, and a publish looks for its id.
  const h = testHost(dir, new ManualClock(new Date()), undefined, undefined, undefined, undefined, {
    newId: () => randomUUID(),
  })
  ok(await h.host.call('settings:update', { you: { name } }))
  ok(await h.host.call('publishing:connect', { url: s.url, ...user }))
  return h
}

type App = Awaited<ReturnType<typeof app>>

/** Both apps read the post now (as on focus), and finish. */
async function readBoth(...apps: App[]) {
  for (const a of apps) {
    // Past the 15 s in which a post just read is not read again.
    a.clock.advance(20_000)
    a.host.wake()
    await a.host.followingIdle()
  }
}

async function rest(path: string, who: { user: string; password: string }, body?: unknown) {
  const res = await fetch(`${site!.url}/?rest_route=${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      Authorization: `Basic ${Buffer.from(`${who.user}:${who.password}`).toString('base64')}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : null,
  })
  return (await res.json()) as Record<string, unknown> & Record<string, unknown>[]
}

run('two apps follow one P2 post (real WordPress)', () => {
  let a: App
  let b: App
  let c: App
  let idA: string
  let idB: string
  let idC: string
  let postId: number
  let adminComment: number
  const title = `Search down ${Date.now()}`
  beforeAll(async () => {
    a = await app('Dana', { user: site!.user, password: site!.password }, site!)
    b = await app('Alex', users!.lead, site!)
    c = await app('Sam', users!.author, site!)
  })

  it('A publishes; B opens it from the address, with the severity from the post’s note', async () => {
    ;({ id: idA } = ok(
      await a.host.call('incident:record', { title, severity: 1, detection: 'user-report' }),
    ))
    const out = ok(await a.host.call('publishing:publish', { id: idA, kind: 'post' }))
    expect(out.outcome).toBe('published')
    const link = out.outcome === 'published' ? out.link : ''
    const opened = ok(await b.host.call('p2:open', { url: link }))
    expect(opened.created).toBe(true)
    idB = opened.id
    const inB = ok(await b.host.call('incident:get', { id: idB }))
    expect(inB.title).toBe(title)
    expect(inB.severity).toBe(1)
    expect(inB.detection).toBe('user-report')
    expect(inB.publishing.post?.link).toBe(link)
    postId = inB.publishing.post!.id
    // Opening it again finds the same incident.
    expect(ok(await b.host.call('p2:open', { url: link })).id).toBe(idB)
    // An Author follows it too (may comment, may not edit someone else's post).
    idC = ok(await c.host.call('p2:open', { url: link })).id
  })

  it("B's status comment restarts A's countdown and shows on A's timeline, once in B's", async () => {
    const before = ok(await a.host.call('incident:get', { id: idA })).lastUpdateAt
    const out = ok(await b.host.call('publishing:publish', { id: idB, kind: 'comment' }))
    expect(out.outcome).toBe('published')
    await readBoth(a, b)
    const inA = ok(await a.host.call('incident:get', { id: idA }))
    const fromB = inA.timeline.filter((i) => itemText(i).startsWith('On the P2, Alex:'))
    expect(fromB).toHaveLength(1)
    expect(inA.lastUpdateAt).not.toBe(before)
    expect(inA.lastUpdateAt).toBe(fromB[0]!.at)
    expect(inA.p2?.lastRemoteUpdate?.by).toBe('Alex')
    const inB = ok(await b.host.call('incident:get', { id: idB }))
    expect(inB.timeline.filter((i) => itemText(i).startsWith('On the P2'))).toHaveLength(0)
  })

  it("the administrator's markup, script and javascript: link arrive as plain text in both", async () => {
    const made = await rest('/wp/v2/comments', users!.admin, {
      post: postId,
      content:
        '<p>Root cause <b>found</b><script>alert(1)</script> <a href="javascript:alert(2)">here</a> <a href="https://status.example/1">status</a></p>',
    })
    adminComment = made.id as number
    await readBoth(a, b)
    for (const [h, id] of [
      [a, idA],
      [b, idB],
    ] as const) {
      const incident = ok(await h.host.call('incident:get', { id }))
      const item = incident.timeline.find((i) => itemText(i).startsWith('On the P2, admin:'))
      expect(itemText(item!)).toBe(
        'On the P2, admin: Root cause found here status (https://status.example/1)',
      )
    }
  })

  it('a tag swapped on the site shows as "The P2 says …" in both; A applies it; no flip back', async () => {
    const tags = await rest('/wp/v2/tags&slug=status-stabilized', users!.admin)
    const tagId =
      (tags[0]?.id as number | undefined) ??
      ((await rest('/wp/v2/tags', users!.admin, { name: 'status-stabilized' })).id as number)
    await rest(`/wp/v2/posts/${postId}`, users!.admin, { tags: [tagId] })
    await readBoth(a, b)
    for (const [h, id] of [
      [a, idA],
      [b, idB],
    ] as const) {
      const incident = ok(await h.host.call('incident:get', { id }))
      expect(incident.p2?.remote?.status).toBe('stabilized')
      expect(incident.status).toBe('pending')
    }
    // The Author keeps its own status: the site refuses, and it is told why in words.
    await readBoth(c)
    const kept = ok(await c.host.call('p2:keepMine', { id: idC }))
    expect(kept.outcome).toBe('queued')
    expect(kept.outcome === 'queued' && kept.reason).toBe(AUTHOR_CANNOT_TAG)
    ok(await a.host.call('incident:move', { id: idA, to: 'stabilized', summary: 'Failed over' }))
    await a.host.publishingIdle()
    await readBoth(a, b)
    const post = await rest(`/wp/v2/posts/${postId}&_fields=tags`, users!.admin)
    expect(post.tags).toEqual([tagId])
  })

  it('the site holds one post and two comments: nothing twice', async () => {
    const posts = await rest(`/wp/v2/posts&search=${encodeURIComponent(title)}`, users!.admin)
    expect(posts).toHaveLength(1)
    const comments = await rest(`/wp/v2/comments&post=${postId}&per_page=100`, users!.admin)
    expect(comments).toHaveLength(2)
  })

  it('a comment edited on the site shows its new text at the next re-read, deleted is marked', async () => {
    await rest(`/wp/v2/comments/${adminComment}`, users!.admin, {
      content: '<p>Root cause found: a full disk.</p>',
    })
    const adminItem = async () =>
      ok(await a.host.call('incident:get', { id: idA })).timeline.find((i) =>
        itemText(i).startsWith('On the P2, admin:'),
      )!
    // Comments already read are read again by id at a low rate, not at every poll.
    await readBoth(a)
    expect(itemText(await adminItem())).toMatch(/^On the P2, admin: Root cause found here/)
    a.clock.advance(RECHECK_MS)
    await readBoth(a)
    const edited = await adminItem()
    expect(itemText(edited)).toBe('On the P2, admin: Root cause found: a full disk.')
    expect(edited.kind === 'lifecycle' && edited.p2?.edited).toBe(true)
    // Trashed on the site: marked on the timeline, never removed.
    await rest(`/wp/v2/comments/${adminComment}&_method=DELETE`, users!.admin, {})
    a.clock.advance(RECHECK_MS)
    await readBoth(a)
    expect(itemText(await adminItem())).toBe(
      'On the P2, admin: Root cause found: a full disk. (deleted on the P2)',
    )
  })
})
