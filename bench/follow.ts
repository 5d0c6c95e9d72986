import { ManualClock } from '../electron/services/clock'
import { fakeWordPress } from '../electron/testing/fake-wordpress'
import { ok, tempDir, testHost } from '../electron/testing/fixtures'
import { testSite } from '../electron/testing/wordpress-site'
import type { Figure } from './stats'

const HOUR = 3_600_000

/**
 * What following the P2 costs the site, per active incident with a post: requests in an hour
 * while an update is due within the hour (Severity 1 before Stabilized) and while it is not
 * (Severity 3, daily), the bytes of one poll, and with no active incident nothing at all. Against
 * the real WordPress of scripts/wordpress-test-site.sh when it runs, else the small one in memory.
 */
export async function benchFollow(): Promise<Figure[]> {
  const real = await testSite()
  const fake = real ? null : await fakeWordPress()
  const site = real ?? { url: fake!.url, user: 'oncall', password: 'bench' }
  const where = real ? 'real WordPress' : 'in-memory WordPress'
  try {
    const urgent = await hour(site, 1)
    const quiet = await hour(site, 3)
    const none = await hour(site, null)
    return [
      {
        figure: `P2 follow (${where}): requests per hour, update due within the hour`,
        unit: 'requests/h',
        runs: [urgent.requests],
        max: 130,
      },
      {
        figure: `P2 follow (${where}): requests per hour, next update hours away`,
        unit: 'requests/h',
        runs: [quiet.requests],
        max: 30,
      },
      {
        figure: `P2 follow (${where}): bytes per poll, no new comment`,
        unit: 'bytes',
        runs: [urgent.bytesPerPoll],
        max: 2_000,
      },
      {
        figure: `P2 follow (${where}): requests and timers per hour, no active incident`,
        unit: 'count/h',
        runs: [none.requests + none.timers],
        max: 0,
      },
    ]
  } finally {
    await fake?.close()
  }
}

/** One hour of following one incident of this severity (null: none active), after it settled. */
async function hour(
  site: { url: string; user: string; password: string },
  severity: number | null,
) {
  const { dir, cleanup } = tempDir()
  try {
    const clock = new ManualClock(new Date())
    const { host } = testHost(dir, clock)
    ok(
      await host.call('publishing:connect', {
        url: site.url,
        user: site.user,
        password: site.password,
      }),
    )
    if (severity !== null) {
      const { id } = ok(
        await host.call('incident:record', {
          title: `Bench follow ${Date.now()}`,
          severity,
          detection: 'alert',
          recorder: 'Bench',
        }),
      )
      ok(await host.call('publishing:publish', { id, kind: 'post' }))
      await host.publishingIdle()
    }
    // Settle: the first read (the post's tags, once) is not the steady state.
    for (let t = 0; t < 2; t++) {
      clock.advance(60_000)
      await host.followingIdle()
    }
    const before = host.work().follow
    for (let t = 0; t < HOUR; t += 10_000) {
      clock.advance(10_000)
      await host.followingIdle()
    }
    const after = host.work().follow
    host.close()
    const polls = after.polls - before.polls
    return {
      requests: after.requests - before.requests,
      timers: after.timers - before.timers,
      bytesPerPoll: polls ? Math.round((after.bytes - before.bytes) / polls) : 0,
    }
  } finally {
    cleanup()
  }
}
