import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { itemText } from '../../domain/timeline/timeline'
import { ok, tempDir, testHost } from '../../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../../testing/fake-wordpress'

/**
 * The follower's schedule, with the manual clock against a small WordPress on 127.0.0.1 that
 * counts requests and can be down. What is read, against the real WordPress: p2-follow.test.ts.
 */
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

const START = new Date('2026-11-23T14:00:00Z')
const MIN = 60_000

async function setup(clock = new ManualClock(START)) {
  const h = testHost(dir, clock)
  ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
  ok(await h.host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'a b c d' }))
  return { ...h, clock }
}

async function recordAndPublish(host: Awaited<ReturnType<typeof setup>>['host'], severity: number) {
  const { id } = ok(
    await host.call('incident:record', { title: 'Search down', severity, detection: 'alert' }),
  )
  ok(await host.call('publishing:publish', { id, kind: 'post' }))
  await host.publishingIdle()
  return id
}

/** Comment reads so far (each poll reads comments once, then the post). */
const reads = () => wp.requests.filter((r) => r === 'GET /wp/v2/comments').length

/** Moves the clock `ms` in steps, letting each read finish before the next timer can fire. */
async function pass(h: Awaited<ReturnType<typeof setup>>, ms: number, step = 10_000) {
  for (let t = 0; t === 0 || t < ms; t += step) {
    await h.host.followingIdle()
    h.clock.advance(Math.min(step, ms - t))
    await h.host.followingIdle()
  }
}

describe('following the P2 post: the schedule', () => {
  it('makes no request and arms no timer while no incident is active', async () => {
    const h = await setup()
    const before = wp.requests.length
    await pass(h, 3 * 60 * MIN, 5 * MIN)
    h.host.wake()
    await h.host.followingIdle()
    expect(wp.requests.length).toBe(before)
    expect(h.host.work().follow).toEqual({ requests: 0, bytes: 0, polls: 0, timers: 0 })
  })

  it('reads about every minute while an update is due within the hour, every 5 minutes otherwise', async () => {
    const h = await setup()
    // Severity 1 before Stabilized: hourly updates, so always due within the hour.
    await recordAndPublish(h.host, 1)
    await pass(h, 0)
    const urgentStart = reads()
    await pass(h, 60 * MIN)
    const urgent = reads() - urgentStart
    expect(urgent).toBeGreaterThanOrEqual(58)
    expect(urgent).toBeLessThanOrEqual(61)
  })

  it('reads every 5 minutes while the next update is hours away', async () => {
    const h = await setup()
    // Severity 3: daily updates.
    await recordAndPublish(h.host, 3)
    await pass(h, 0)
    const start = reads()
    await pass(h, 60 * MIN)
    expect(reads() - start).toBe(12)
  })

  it('backs off while the site is down, says since when, and catches up once it returns', async () => {
    const h = await setup()
    const id = await recordAndPublish(h.host, 1)
    await pass(h, 0)
    wp.mode = 'down'
    const failedAt = wp.requests.length
    await pass(h, 31 * MIN)
    // 1, 2, 4, 8, 16 minutes apart: 5 or 6 tries in 31 minutes, not 31.
    const tries = wp.requests.length - failedAt
    expect(tries).toBeGreaterThanOrEqual(4)
    expect(tries).toBeLessThanOrEqual(6)
    const down = ok(await h.host.call('incident:get', { id }))
    expect(down.p2?.unreachableSince).toBe(new Date(START.getTime() + MIN).toISOString())
    wp.mode = 'ok'
    wp.comments.push({
      id: 900,
      post: down.publishing.post!.id,
      content: '<p>Failover done, errors gone.</p>',
      author_name: 'Alex',
      date: '2026-11-23T14:20:00',
    })
    h.host.wake()
    await h.host.followingIdle()
    const back = ok(await h.host.call('incident:get', { id }))
    expect(back.p2?.unreachableSince).toBeNull()
    expect(back.timeline.filter((i) => itemText(i).startsWith('On the P2, Alex'))).toHaveLength(1)
    expect(
      back.timeline.filter((i) => itemText(i).startsWith('The P2 is not reachable')),
    ).toHaveLength(1)
  })

  it('after sleep, reads each post once at wake-up, not once per minute missed', async () => {
    const h = await setup()
    await recordAndPublish(h.host, 1)
    await pass(h, 0)
    const before = reads()
    h.clock.sleep(3 * 60 * MIN)
    await h.host.followingIdle()
    h.host.wake()
    await h.host.followingIdle()
    expect(reads() - before).toBe(1)
  })
})

describe('following the P2 post: many comments', () => {
  it('reads 230 new comments in pages of 50, at most 4 pages a read, the rest at once after', async () => {
    const h = await setup()
    const id = await recordAndPublish(h.host, 3)
    const post = ok(await h.host.call('incident:get', { id })).publishing.post!.id
    for (let i = 0; i < 230; i++) {
      const at = new Date(START.getTime() - 60 * MIN + i * 1000).toISOString().slice(0, 19)
      wp.comments.push({
        id: 1000 + i,
        post,
        content: `<p>note ${i}</p>`,
        author_name: 'Kim',
        date: at,
      })
    }
    const onTimeline = async () =>
      ok(await h.host.call('incident:get', { id })).timeline.filter((i) =>
        itemText(i).startsWith('On the P2, Kim'),
      ).length
    await pass(h, 0)
    // The first read: 4 pages of 50, never 230 at once; the rest is read on the next turn.
    expect(reads()).toBe(4)
    expect(await onTimeline()).toBe(200)
    await pass(h, 0)
    expect(reads()).toBe(5)
    expect(await onTimeline()).toBe(230)
    // Read again: nothing new, nothing twice.
    await pass(h, 5 * MIN)
    expect(await onTimeline()).toBe(230)
  })
})
