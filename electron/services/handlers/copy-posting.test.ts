import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MINUTE } from '../../domain/comms/cadence'
import { itemText } from '../../domain/timeline/timeline'
import { ManualClock } from '../clock'
import { tempDir, testHost } from '../../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

async function setup() {
  const h = testHost(dir, new ManualClock(new Date('2026-11-23T14:00:00Z')))
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }
  ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
  const { id } = ok(
    await h.host.call('incident:record', {
      title: 'Search down',
      severity: 1,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  return { ...h, ok, id }
}

describe('copy is posting', () => {
  it('copying the status comment posts it: countdown restarts, the next comment starts after it', async () => {
    const { host, clock, ok, id } = await setup()
    ok(
      await host.call('timeline:add', {
        incidentId: id,
        entry: { kind: 'note', text: 'API pods crash-loop' },
      }),
    )
    clock.advance(40 * MINUTE)
    const copy = ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    expect(copy.copied).toContain('API pods crash-loop')
    expect(copy.posted?.undoUntil).toBe('2026-11-23T14:41:00.000Z')
    const summary = host.snapshot().incidents[0]!
    expect(summary.lastUpdateAt).toBe('2026-11-23T14:40:00.000Z')
    clock.advance(MINUTE)
    ok(
      await host.call('timeline:add', {
        incidentId: id,
        entry: { kind: 'note', text: 'Rolled back' },
      }),
    )
    const next = ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    expect(next.copied).toContain('Rolled back')
    expect(next.copied).not.toContain('API pods crash-loop')
    const incident = ok(await host.call('incident:get', { id }))
    expect(incident.timeline.map(itemText).filter((t) => t.startsWith('Posted an update'))).toEqual(
      [
        'Posted an update by copying the status comment',
        'Posted an update by copying the status comment',
      ],
    )
  })

  it('undo within the minute takes the post back; after the minute it is refused', async () => {
    const { host, clock, ok, id } = await setup()
    const first = ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    clock.advance(30_000)
    ok(await host.call('update:undo', { id, updateId: first.posted!.updateId }))
    expect(host.snapshot().incidents[0]!.lastUpdateAt).toBeNull()
    const again = ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    clock.advance(61_000)
    const late = await host.call('update:undo', { id, updateId: again.posted!.updateId })
    expect(late.ok === false && late.error.message).toMatch(/for a minute only/)
    expect(host.snapshot().incidents[0]!.lastUpdateAt).toBe('2026-11-23T14:00:30.000Z')
  })

  it('updates posted by copying the status comment count in Insights, on time or late', async () => {
    const { host, clock, ok, id } = await setup()
    clock.advance(40 * MINUTE)
    ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    clock.advance(50 * MINUTE)
    ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    clock.advance(70 * MINUTE)
    ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    // Taken back within the minute: it never counted.
    clock.advance(20 * MINUTE)
    const undone = ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
    ok(await host.call('update:undo', { id, updateId: undone.posted!.updateId }))
    const insights = ok(await host.call('insights:get', { weeks: 4 }))
    // Severity 1 is hourly: 40 and 50 minutes are on time, 70 minutes is late.
    expect(insights.punctuality).toMatchObject({ posted: 3, onTime: 2 })
    expect(insights.punctuality.bySeverity).toEqual([
      { severity: 1, posted: 3, onTime: 2, share: 2 / 3 },
    ])
  })

  it('copying the title copies the title only; copying other outputs posts nothing', async () => {
    const { host, ok, id, clipboard } = await setup()
    ok(await host.call('comms:copy', { id, output: 'p2-post', part: 'title' }))
    expect(clipboard.at(-1)).toEqual({ text: 'Incident: Search down' })
    ok(await host.call('comms:copy', { id, output: 'slack' }))
    expect(host.snapshot().incidents[0]!.lastUpdateAt).toBeNull()
  })

  it('the cadence choice is logged and moves the countdown', async () => {
    const { host, ok, id } = await setup()
    const refused = await host.call('update:cadence', { id, choice: 'news' })
    expect(refused.ok === false && refused.error.message).toMatch(/Until it is stabilized/)
    ok(await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' }))
    ok(await host.call('update:cadence', { id, choice: 'news' }))
    const incident = ok(await host.call('incident:get', { id }))
    expect(incident.timeline.map(itemText)).toContain(
      'Update cadence: when there is news (at least weekly)',
    )
    const item = host.tray().items.find((i) => i.kind === 'incident')
    expect(item && 'label' in item && item.label).toMatch(/update due in 7 d/)
  })
})
