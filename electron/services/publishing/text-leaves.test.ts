import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { ok, tempDir, testHost } from '../../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../../testing/fake-wordpress'
import { WordPressClient } from './wordpress'

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

const HOSTILE = 'Search <img src=x onerror=alert(1)> down'

async function setup(title: string) {
  const h = testHost(dir, new ManualClock(new Date('2026-11-23T14:00:00Z')))
  ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
  ok(await h.host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'pw' }))
  const { id } = ok(
    await h.host.call('incident:record', {
      title,
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  return { ...h, id }
}

describe('what is published is text where it leaves', () => {
  it('a title with markup arrives as text in the post title, the comment, the tags and the resolved edit', async () => {
    const { host, id } = await setup(HOSTILE)
    ok(await host.call('publishing:publish', { id, kind: 'post' }))
    ok(await host.call('publishing:publish', { id, kind: 'comment' }))
    ok(await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' }))
    const post = wp.posts[0]!
    expect(post.title).toBe('Incident: Search &lt;img src=x onerror=alert(1)&gt; down')
    // The resolved edit goes through the same client call as every title change.
    const client = new WordPressClient({ url: wp.url, user: 'oncall', password: 'pw' })
    await client.updatePost(post.id, { title: `Resolved: ${HOSTILE}` })
    expect(post.title).toBe('Resolved: Search &lt;img src=x onerror=alert(1)&gt; down')
    const sent = [post.title, post.content, ...wp.comments.map((c) => c.content)]
    expect(sent).toHaveLength(3)
    for (const text of sent) expect(text).not.toContain('<img')
    await expect.poll(() => wp.tags.map((t) => t.slug)).toContain('status-stabilized')
    for (const tag of wp.tags) expect(tag.slug).toMatch(/^status-[a-z]+$/)
    host.close()
  })

  it("the retry's search for a post already made looks only at the connected user's posts", async () => {
    const { host, id } = await setup('Search down')
    wp.mode = 'down'
    const queued = ok(await host.call('publishing:publish', { id, kind: 'post' }))
    wp.mode = 'ok'
    // Someone else's post quotes the marker of the waiting publish.
    const marker = `<!-- incident-tray-publish-${queued.requestId} -->`
    wp.posts.push({ id: 7, title: 'Not yours', content: `quoting ${marker}`, tags: [], author: 2 })
    const out = ok(await host.call('publishing:retry', { id, requestId: queued.requestId }))
    expect(out.outcome).toBe('published')
    expect(wp.posts).toHaveLength(2)
    const mine = wp.posts[1]!
    expect(mine.author ?? 1).toBe(1)
    expect(ok(await host.call('incident:get', { id })).p2Url).toBe(`${wp.url}/?p=${mine.id}`)
    expect(wp.posts[0]).toEqual({
      id: 7,
      title: 'Not yours',
      content: `quoting ${marker}`,
      tags: [],
      author: 2,
    })
    expect(wp.requests).toContain('GET /wp/v2/users/me')
    host.close()
  })
})
