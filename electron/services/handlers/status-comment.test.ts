import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOUR, MINUTE } from '../../domain/comms/cadence'
import { ManualClock } from '../clock'
import { tempDir, testHost } from '../../testing/fixtures'

/**
 * What a copied status comment says, read as the team reads it on the P2: its "Next update due"
 * is the countdown's next deadline (the copy's own time plus the cadence after it), a move's
 * comment announces the move, and nothing is said twice.
 */

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

async function recorded(severity: 1 | 2, title = 'Search down') {
  const h = testHost(dir, new ManualClock(new Date('2026-11-23T14:00:00Z')))
  ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
  const { id } = ok(
    await h.host.call('incident:record', {
      title,
      observed: 'Every search answers 500.',
      severity,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  const copy = async () => ok(await h.host.call('comms:copy', { id, output: 'p2-comment' })).copied
  const countdown = async () => ok(await h.host.call('incident:view', { id })).update?.dueAt ?? null
  const move = async (
    to: 'stabilized' | 'investigating' | 'resolved' | 'reviewed',
    summary?: string,
  ) => ok(await h.host.call('incident:move', { id, to, ...(summary ? { summary } : {}) }))
  const note = async (text: string) =>
    ok(await h.host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text } }))
  const resolve = async (solutionSummary: string) =>
    ok(
      await h.host.call('incident:resolve', {
        id,
        solutionSummary,
        override: { reason: 'Posted by hand on the P2' },
      }),
    )
  return { ...h, id, copy, countdown, move, note, resolve }
}

/** "2026-11-23 at 15:30 UTC" of an ISO time. */
const stamp = (iso: string) => `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`

describe('"Next update due" in a copied status comment', () => {
  const cases = [
    {
      name: 'Severity 1, early (30 min into the hour)',
      severity: 1,
      after: 30 * MINUTE,
      next: HOUR,
    },
    { name: 'Severity 1, on time', severity: 1, after: 59 * MINUTE, next: HOUR },
    { name: 'Severity 1, late (40 min overdue)', severity: 1, after: 100 * MINUTE, next: HOUR },
    { name: 'Severity 2, early', severity: 2, after: 2 * HOUR, next: 24 * HOUR },
    { name: 'Severity 2, late', severity: 2, after: 30 * HOUR, next: 24 * HOUR },
  ] as const
  for (const c of cases) {
    it(`${c.name}: the copy's time plus the cadence, the same instant as the countdown`, async () => {
      const { clock, copy, countdown } = await recorded(c.severity)
      clock.advance(c.after)
      const text = await copy()
      const due = new Date(clock.now() + c.next).toISOString()
      expect(text).toContain(`Next update due: ${stamp(due)}`)
      expect(await countdown()).toBe(due)
    })
  }

  it('a second copy, late, names a time to come, never one already past', async () => {
    const { clock, copy, countdown } = await recorded(1)
    clock.advance(30 * MINUTE)
    expect(await copy()).toContain('Next update due: 2026-11-23 at 15:30 UTC')
    clock.advance(70 * MINUTE) // 15:40, ten minutes late
    expect(await copy()).toContain('Next update due: 2026-11-23 at 16:40 UTC')
    expect(await countdown()).toBe('2026-11-23T16:40:00.000Z')
  })

  it('after Stabilized a Severity 1 incident is daily: the move comment says so', async () => {
    const { clock, copy, countdown, move } = await recorded(1)
    clock.advance(2 * HOUR)
    await move('stabilized', 'Reverted commit 3d7fa09')
    clock.advance(5 * MINUTE) // 16:05
    expect(await copy()).toContain('Next update due: 2026-11-24 at 16:05 UTC')
    expect(await countdown()).toBe('2026-11-24T16:05:00.000Z')
  })

  it('under "when there is news" the comment says so, with the latest time', async () => {
    const { clock, copy, countdown, move, host, id } = await recorded(2)
    await move('stabilized', 'Reverted commit 3d7fa09')
    ok(await host.call('update:cadence', { id, choice: 'news' }))
    clock.advance(3 * HOUR) // 17:00
    const text = await copy()
    expect(text).toContain(
      'Next update: when there is news, by 2026-11-30 at 17:00 UTC at the latest',
    )
    expect(text).not.toContain('Next update due')
    expect(await countdown()).toBe('2026-11-30T17:00:00.000Z')
  })

  it('the preview shows what the copy will say at that minute', async () => {
    const { clock, copy, host, id } = await recorded(1)
    clock.advance(100 * MINUTE)
    const preview = ok(await host.call('comms:outputs', { id, show: 'p2-comment' })).shown.text
    expect(await copy()).toBe(preview)
  })
})

describe("a status move's comment announces the move", () => {
  it('Stabilized: the mitigation, then what is new; never "No new verified information."', async () => {
    const { clock, copy, move, note } = await recorded(1)
    clock.advance(20 * MINUTE)
    await copy()
    clock.advance(MINUTE)
    await note('Reverted commit 3d7fa09')
    clock.advance(10 * MINUTE)
    await move('stabilized', 'Reverted commit 3d7fa09; search answers again')
    const text = await copy()
    expect(text).toMatch(
      /^#status-stabilized\n\nStabilized: Reverted commit 3d7fa09; search answers again\.\n/,
    )
    expect(text).toContain('UTC: Reverted commit 3d7fa09\n')
    expect(text).not.toContain('No new verified information')
    // Said once: the move is the headline, not a line of its own, and nobody's name is on it.
    expect(text).not.toContain('Status: Stabilization pending → Stabilized')
    expect(text).not.toContain('(Dana)')
  })

  it('Under investigation: the note typed for the move reaches the comment', async () => {
    const { clock, copy, move } = await recorded(2)
    await move('stabilized', 'Scaled the API to 6 pods')
    await copy()
    clock.advance(HOUR)
    await move('investigating', 'Looking at the ES heap; a dump is being analysed')
    const text = await copy()
    expect(text).toContain('Under investigation: Looking at the ES heap; a dump is being analysed.')
    expect(text).not.toContain('No new verified information')
  })

  it('a comment with truly nothing new says so, after the status sentence', async () => {
    const { clock, copy } = await recorded(1)
    clock.advance(HOUR)
    const text = await copy()
    expect(text).toBe(
      [
        '#status-recorded',
        '',
        'Stabilization pending: Every search answers 500.',
        '',
        'No new verified information.',
        '',
        'Next update due: 2026-11-23 at 16:00 UTC',
      ].join('\n'),
    )
  })

  it('the reviewed comment repeats nothing of the resolved one', async () => {
    const { clock, copy, move, note, resolve, host, id } = await recorded(2)
    await move('stabilized', 'Rolled back')
    await copy()
    clock.advance(HOUR)
    await note('The index migration dropped a field')
    clock.advance(HOUR)
    await resolve('Fixed the migration and re-indexed')
    const resolved = await copy()
    expect(resolved).toContain('Resolved: Fixed the migration and re-indexed.')
    expect(resolved).toContain('The index migration dropped a field')
    clock.advance(2 * 24 * HOUR)
    ok(await host.call('retro:choose', { id, wanted: false, reason: 'Small, understood' }))
    await move('reviewed')
    const reviewed = await copy()
    expect(reviewed).toMatch(/^#status-reviewed\n\nReviewed: /)
    expect(reviewed).not.toContain('The index migration dropped a field')
    expect(reviewed).not.toContain('Fixed the migration')
    expect(reviewed).not.toContain('Status:')
  })
})

describe('no output has an empty section', () => {
  it('resolved: Slack leaves out "Since the last update" when nothing is new, and gives the solution', async () => {
    const { clock, copy, move, resolve, host, id } = await recorded(2)
    await move('stabilized', 'Rolled back')
    clock.advance(HOUR)
    await resolve('Fixed the migration')
    await copy()
    const slack = ok(await host.call('comms:copy', { id, output: 'slack' })).copied
    expect(slack).not.toContain('*Since the last update:*')
    expect(slack).toContain('Solution: Fixed the migration')
    for (const output of [
      'p2-post',
      'p2-comment',
      'slack',
      'github-bug',
      'github-stabilize',
    ] as const) {
      const text = ok(await host.call('comms:outputs', { id, show: output })).shown.text
      const lines = text.split('\n')
      lines.forEach((line, i) => {
        if (!/^(#{1,6} |\*[^*]+:\*$)/.test(line)) return
        const next = lines.slice(i + 1).find((l) => l.trim())
        expect(next, `${output}: "${line}" has nothing under it`).toBeDefined()
        expect(next, `${output}: "${line}" has nothing under it`).not.toMatch(/^(## |\*[^*]+:\*$)/)
      })
    }
  })
})

describe('titles that say "outage" are not repeated', () => {
  const titles = [
    [
      'Outage from Elasticsearch performance degradation',
      'Severity 1: Outage from Elasticsearch performance degradation.',
      'Investigating: Openverse outage from Elasticsearch performance degradation',
    ],
    ['Search down', 'Severity 1: Search down.', 'Investigating: Openverse Search down'],
    [
      'Outage: thumbnails fail',
      'OUTAGE (Severity 1): thumbnails fail.',
      'Investigating: Openverse outage: thumbnails fail',
    ],
    [
      'Elasticsearch heap exhausted',
      'OUTAGE (Severity 1): Elasticsearch heap exhausted.',
      'Investigating: Openverse outage: Elasticsearch heap exhausted',
    ],
  ] as const
  for (const [title, signal, make] of titles) {
    it(`"${title}"`, async () => {
      const { host, id } = await recorded(1, title)
      const outputs = ok(await host.call('comms:outputs', { id, show: 'signal' }))
      expect(outputs.shown.text.startsWith(`${signal} `)).toBe(true)
      const makePost = ok(await host.call('comms:outputs', { id, show: 'make-investigating' }))
      expect(makePost.shown.title).toBe(make)
      expect(makePost.shown.title!.match(/outage/gi)?.length ?? 0).toBeLessThanOrEqual(1)
      expect(outputs.shown.text.match(/outage/gi)?.length ?? 0).toBeLessThanOrEqual(1)
    })
  }
})

describe('"Posted…": an update made another way', () => {
  it('records when it was posted and what it said; the countdown runs from that time', async () => {
    const { clock, countdown, host, id } = await recorded(1)
    clock.advance(50 * MINUTE) // 14:50, recorded here; posted on the P2 at 14:20
    ok(
      await host.call('update:post', {
        id,
        text: 'Rolled back; watching the error rate',
        postedAt: '2026-11-23T14:20:00.000Z',
      }),
    )
    expect(await countdown()).toBe('2026-11-23T15:20:00.000Z')
    const incident = ok(await host.call('incident:get', { id }))
    const item = incident.timeline.at(-1)!
    expect(item.at).toBe('2026-11-23T14:20:00.000Z')
    expect(item.kind === 'lifecycle' && item.update?.text).toBe(
      'Rolled back; watching the error rate',
    )
  })

  it('refuses a time ahead of now or before the last update, and records nothing', async () => {
    const { clock, copy, host, id } = await recorded(1)
    clock.advance(30 * MINUTE)
    await copy() // 14:30
    clock.advance(10 * MINUTE)
    const ahead = await host.call('update:post', {
      id,
      text: 'x',
      postedAt: '2026-11-23T15:00:00.000Z',
    })
    expect(ahead.ok === false && ahead.error.message).toMatch(/in the future/)
    const before = await host.call('update:post', {
      id,
      text: 'x',
      postedAt: '2026-11-23T14:10:00.000Z',
    })
    expect(before.ok === false && before.error.message).toMatch(
      /before the last update counted \(2026-11-23 14:30 UTC\)/,
    )
    expect(host.snapshot().incidents[0]!.lastUpdateAt).toBe('2026-11-23T14:30:00.000Z')
  })
})
