import { beforeAll, describe, expect, it } from 'vitest'
import { requireTestSite, type TestSite } from '../../testing/wordpress-site'
import { PublishFailure } from './http'
import { WordPressClient } from './wordpress'

// Against the real WordPress of scripts/wordpress-test-site.sh: skipped with one line where it
// is not running, required (failing) in CI.
let site: TestSite | null = null
beforeAll(async () => {
  site = await requireTestSite()
})

describe('WordPressClient against a real WordPress', () => {
  it('checks a good connection, refuses a wrong password and a subscriber', async (t) => {
    if (!site) return t.skip()
    const good = new WordPressClient(site)
    expect((await good.check()).user).toBe('oncall')
    const wrong = await new WordPressClient({ ...site, password: 'aaaa bbbb cccc dddd' })
      .check()
      .catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(PublishFailure)
    expect((wrong as PublishFailure).message).toMatch(/refused the password/)
    const reader = await new WordPressClient({ url: site.url, ...site.subscriber })
      .check()
      .catch((e: unknown) => e)
    expect((reader as PublishFailure).message).toBe('This user cannot publish posts on the site.')
  })

  it('publishes a post with a tag and a comment, and finds both by their marker', async (t) => {
    if (!site) return t.skip()
    const wp = new WordPressClient(site)
    const marker = `incident-tray-event-test${Date.now()}`
    const tag = await wp.tagId('status-recorded')
    expect(await wp.tagId('status-recorded')).toBe(tag)
    const post = await wp.createPost({
      title: 'Client test',
      content: `<p>Body</p>\n<!-- ${marker} -->`,
      tags: [tag],
    })
    expect(await wp.findPost(marker)).toEqual(post)
    const read = await wp.getPost(post.id)
    expect(read.title).toBe('Client test')
    expect(read.tags).toEqual([tag])
    const comment = await wp.createComment(post.id, `<p>Update</p><!-- ${marker}c -->`)
    expect(await wp.findComment(post.id, `${marker}c`)).toEqual(comment)
    expect(await wp.findPost(`${marker}-none`)).toBeNull()
  })

  it('a title with markup is shown by the site as text', async (t) => {
    if (!site) return t.skip()
    const wp = new WordPressClient(site)
    const title = 'Search <img src=x onerror=alert(1)> down'
    const post = await wp.createPost({ title, content: '<p>Body</p>', tags: [] })
    const res = await fetch(`${site.url}/?rest_route=/wp/v2/posts/${post.id}`)
    const shown = (await res.json()) as { title: { rendered: string } }
    expect(shown.title.rendered).not.toContain('<img')
    expect(shown.title.rendered).toContain('&lt;img')
  })
})
