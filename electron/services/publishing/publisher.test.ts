import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { audienceOf } from '../../domain/timeline/audience'
import { itemText } from '../../domain/timeline/timeline'
import { ManualClock } from '../clock'
import { tempDir, testHost, ok } from '../../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../../testing/fake-wordpress'

let dir: string
let cleanup: () => void
let wp: FakeWordPress
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  wp = await fakeWordPress()
})
afterEach(async () => {
  await wp.close()
  cleanup()
})

async function setup(clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))) {
  const h = testHost(dir, clock)
  ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
  ok(
    await h.host.call('publishing:connect', {
      url: wp.url,
      user: 'oncall',
      password: 'abcd efgh ijkl mnop',
    }),
  )
  const { id } = ok(
    await h.host.call('incident:record', {
      title: 'Search down',
      severity: 1,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  return { ...h, id }
}

describe('publishing through the outbox', () => {
  it('publishes the post once: tag status-recorded, URL saved, checklist ticked, on the timeline', async () => {
    const { host, id } = await setup()
    const out = ok(await host.call('publishing:publish', { id, kind: 'post' }))
    expect(out.outcome).toBe('published')
    expect(wp.posts).toHaveLength(1)
    expect(wp.posts[0]!.title).toContain('Search down')
    expect(wp.posts[0]!.content).toContain(`<!-- incident-tray-publish-${out.requestId} -->`)
    expect(wp.tags.find((t) => t.id === wp.posts[0]!.tags[0])?.slug).toBe('status-recorded')
    const incident = ok(await host.call('incident:get', { id }))
    expect(incident.p2Url).toBe(out.outcome === 'published' ? out.link : '')
    expect(incident.commsChecked['p2-posted']).toBeDefined()
    expect(incident.commsChecked['p2-tag-pending']).toBeDefined()
    expect(incident.publishing.outbox).toEqual([])
    expect(incident.timeline.map(itemText)).toEqual(
      expect.arrayContaining([
        'Publishing the P2 incident post',
        `Published the P2 incident post: ${wp.url}/?p=${wp.posts[0]!.id}`,
      ]),
    )
    const publishLines = incident.timeline.filter((t) =>
      /^(Publishing|Published) /.test(itemText(t)),
    )
    expect(publishLines).toHaveLength(2)
    for (const line of publishLines) expect(audienceOf(line, incident.audience)).toBe('internal')
    const refused = await host.call('publishing:publish', { id, kind: 'post' })
    expect(refused.ok).toBe(false)
  })

  it('a site that is down: queued with the reason, retried with backoff by the clock, published once', async () => {
    const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
    const { host, id, notifications } = await setup(clock)
    wp.mode = 'down'
    const out = ok(await host.call('publishing:publish', { id, kind: 'post' }))
    expect(out.outcome).toBe('queued')
    expect(out.outcome === 'queued' && out.reason).toMatch(/Could not reach 127\.0\.0\.1/)
    expect(host.snapshot().incidents[0]!.publishWaiting).toBe(1)
    // 29 s later: not yet; nothing was sent in between.
    const before = wp.requests.length
    clock.advance(29_000)
    await host.publishingIdle()
    expect(wp.requests.length).toBe(before)
    wp.mode = 'ok'
    clock.advance(1_000)
    await host.publishingIdle()
    await expect.poll(() => wp.posts.length).toBe(1)
    await expect.poll(() => host.snapshot().incidents[0]!.publishWaiting).toBe(0)
    // Done in the background after it had waited: the user hears of it.
    expect(notifications).toEqual([
      {
        title: 'Published to the P2',
        body: 'The P2 incident post that was waiting is published (Search down).',
        incidentId: id,
      },
    ])
    clock.advance(60 * 60_000)
    await host.publishingIdle()
    expect(wp.posts).toHaveLength(1)
  })

  it('a timeout after the site accepted the post never makes a second one (marker found first)', async () => {
    const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
    // A short wait for the site (a real 300 ms: the HTTP timeout is the network's, not the clock's).
    const { host } = testHost(dir, clock, undefined, undefined, undefined, 300)
    ok(await host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'pw' }))
    const { id } = ok(
      await host.call('incident:record', {
        title: 'Slow',
        severity: 2,
        detection: 'alert',
        recorder: 'Dana',
      }),
    )
    wp.mode = 'accept-then-hang'
    const out = ok(await host.call('publishing:publish', { id, kind: 'post' }))
    expect(out.outcome === 'queued' && out.reason).toBe(
      'The site did not answer within 300 ms; it will be tried again.',
    )
    expect(wp.posts).toHaveLength(1)
    wp.mode = 'ok'
    const retried = ok(await host.call('publishing:retry', { id, requestId: out.requestId }))
    expect(retried).toEqual({
      outcome: 'published',
      requestId: out.requestId,
      link: `${wp.url}/?p=${wp.posts[0]!.id}`,
    })
    expect(wp.posts).toHaveLength(1)
    expect(wp.requests.filter((r) => r === 'POST /wp/v2/posts')).toHaveLength(1)
  })

  const BAD_ANSWERS = [
    [
      'login-page',
      'The site answered with a login page instead of the WordPress API: a login wall or proxy sits in front of it.',
    ],
    ['401', 'The site refused the password: check the user name and the application password.'],
    [
      '403',
      'This user cannot read posts on the site (WordPress said: Sorry, you are not allowed to create posts as this user.).',
    ],
    [
      'redirect',
      'The site sent the request on to another address (sso.example.invalid); check the site address in Settings → Publishing.',
    ],
    ['huge', "The site's answer was larger than 2 MB; that is not the WordPress API answering."],
  ] as const
  for (const [mode, message] of BAD_ANSWERS) {
    it(`a bad answer (${mode}): a clear reason, kept in the outbox for Retry, then published once`, async () => {
      const { host, id, clock } = await setup()
      wp.mode = mode
      const out = ok(await host.call('publishing:publish', { id, kind: 'post' }))
      expect(out).toEqual({ outcome: 'queued', requestId: out.requestId, reason: message })
      const waiting = ok(await host.call('incident:get', { id })).publishing.outbox
      expect(waiting).toMatchObject([{ id: out.requestId, lastError: message, autoRetry: false }])
      // Not retried by itself: a person must fix the cause first.
      const sent = wp.requests.length
      clock.advance(2 * 60 * 60_000)
      await host.publishingIdle()
      expect(wp.requests.length).toBe(sent)
      wp.mode = 'ok'
      const retried = ok(await host.call('publishing:retry', { id, requestId: out.requestId }))
      expect(retried.outcome).toBe('published')
      expect(wp.posts).toHaveLength(1)
    })
  }

  it('a background retry that needs the user (password refused) says so in a notification', async () => {
    const { host, id, clock, notifications } = await setup()
    wp.mode = 'down'
    ok(await host.call('publishing:publish', { id, kind: 'post' }))
    expect(notifications).toEqual([])
    wp.mode = '401'
    clock.advance(30_000)
    await expect.poll(() => notifications.length).toBe(1)
    expect(notifications[0]).toEqual({
      title: 'Could not publish to the P2',
      body: 'The P2 incident post (Search down): The site refused the password: check the user name and the application password. It waits for Retry.',
      incidentId: id,
    })
    expect(ok(await host.call('incident:get', { id })).publishing.outbox).toMatchObject([
      { autoRetry: false, attempts: 2 },
    ])
  })

  it('the kept password is never sent to another site or for another user', async () => {
    const { host } = await setup()
    const other = await fakeWordPress()
    try {
      const moved = await host.call('publishing:connect', { url: other.url, user: 'oncall' })
      expect(moved).toMatchObject({
        ok: false,
        error: { message: 'Enter the application password for this site and user.' },
      })
      expect(other.requests).toEqual([])
      const renamed = await host.call('publishing:connect', { url: wp.url, user: 'someone' })
      expect(renamed.ok).toBe(false)
      // The same site and user: the kept password is used again.
      expect((await host.call('publishing:connect', { url: wp.url, user: 'oncall' })).ok).toBe(true)
    } finally {
      await other.close()
    }
  })

  it('the status comment counts as the posted update; Cancel takes a waiting item out', async () => {
    const { host, id, clock } = await setup()
    ok(await host.call('publishing:publish', { id, kind: 'post' }))
    clock.advance(30 * 60_000)
    wp.mode = 'error'
    const out = ok(await host.call('publishing:publish', { id, kind: 'comment' }))
    expect(out.outcome === 'queued' && out.reason).toBe(
      'The site had an error (HTTP 503); it will be tried again.',
    )
    const summary = host.snapshot().incidents[0]!
    expect(summary.lastUpdateAt).toBe('2026-11-23T14:30:00.000Z')
    ok(await host.call('publishing:cancel', { id, requestId: out.requestId }))
    expect(host.snapshot().incidents[0]!.publishWaiting).toBe(0)
    wp.mode = 'ok'
    clock.advance(60 * 60_000)
    await host.publishingIdle()
    expect(wp.comments).toHaveLength(0)
  })

  it('follows status moves with the tag: status-* swapped, other tags kept', async () => {
    const { host, id } = await setup()
    ok(await host.call('publishing:publish', { id, kind: 'post' }))
    wp.tags.push({ id: 7, slug: 'openverse-api' })
    wp.posts[0]!.tags.push(7)
    ok(await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' }))
    await expect
      .poll(() => wp.posts[0]!.tags.map((t) => wp.tags.find((x) => x.id === t)?.slug).sort())
      .toEqual(['openverse-api', 'status-stabilized'])
    await expect
      .poll(
        async () => ok(await host.call('incident:get', { id })).commsChecked['p2-tag-stabilized'],
      )
      .toBeDefined()
  })
})
