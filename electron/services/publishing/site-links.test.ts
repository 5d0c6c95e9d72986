import { afterEach, beforeEach, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { ok, tempDir, testHost } from '../../testing/fixtures'
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

it.each([
  ['javascript:alert(document.cookie)', /javascript: address/],
  ['http://p2.example.org/?p=1', /not https/],
  ['file:///etc/passwd', /file: address/],
  ['not a link', /not a web address/],
])(
  'a post address of %s from the site is refused with the reason, then Retry binds the same post',
  async (bad, why) => {
    const { host } = testHost(dir, new ManualClock(new Date('2026-11-23T14:00:00Z')))
    ok(await host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'pw' }))
    const { id } = ok(
      await host.call('incident:record', {
        title: 'Search down',
        severity: 2,
        detection: 'alert',
        recorder: 'Dana',
      }),
    )
    wp.linkOf = () => bad
    const out = ok(await host.call('publishing:publish', { id, kind: 'post' }))
    expect(out.outcome).toBe('queued')
    if (out.outcome === 'queued') {
      expect(out.reason).toMatch(/The site answered with an address .* that cannot be kept/)
      expect(out.reason).toMatch(why)
    }
    const incident = ok(await host.call('incident:get', { id }))
    expect(incident.p2Url).toBeNull()
    expect(incident.publishing.post).toBeNull()
    expect(incident.publishing.published).toEqual([])
    expect(JSON.stringify(incident.links)).not.toContain(bad)
    // The site is fixed: Retry finds the post it made and keeps its address; no second post.
    delete wp.linkOf
    const again = ok(await host.call('publishing:retry', { id, requestId: out.requestId }))
    expect(again.outcome).toBe('published')
    expect(wp.posts).toHaveLength(1)
    expect(ok(await host.call('incident:get', { id })).p2Url).toBe(
      `${wp.url}/?p=${wp.posts[0]!.id}`,
    )
    host.close()
  },
)
