import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { tempDir, testHost, ok } from '../../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** An incident with 30 notes, "Check 0" to "Check 29", the fifth one deleted. */
async function withNotes() {
  const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
  const { host } = testHost(dir, clock)
  const { id } = ok(
    await host.call('incident:record', {
      title: 'API down',
      severity: 1,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  const ids: string[] = []
  for (let i = 0; i < 30; i++) {
    clock.advance(1_000)
    const entry = ok(
      await host.call('timeline:add', {
        incidentId: id,
        entry: { kind: 'note', text: `Check ${i}` },
      }),
    )
    ids.push(entry.id)
  }
  ok(await host.call('timeline:delete', { incidentId: id, entryId: ids[4]! }))
  return { host, id, clock }
}

const texts = (items: { kind: string }[]) => items.map((i) => ('text' in i ? i.text : i.kind))

describe('the renderer pages the timeline instead of receiving it whole', () => {
  it('incident:view carries no timeline, only its length', async () => {
    const { host, id } = await withNotes()
    const full = ok(await host.call('incident:get', { id }))
    const view = ok(await host.call('incident:view', { id }))
    expect(view).not.toHaveProperty('timeline')
    expect(view.timelineTotal).toBe(full.timeline.length)
    expect(view.title).toBe('API down')
  })

  it('hands out the newest entries without `from`, and any stretch with it, oldest first', async () => {
    const { host, id } = await withNotes()
    const full = ok(await host.call('incident:get', { id }))
    const shown = full.timeline.filter((t) => t.kind === 'lifecycle' || !t.deleted)

    const newest = ok(await host.call('timeline:window', { id, count: 3 }))
    expect(texts(newest.items)).toEqual(['Check 27', 'Check 28', 'Check 29'])
    expect(newest).toMatchObject({ total: shown.length, start: shown.length - 3 })
    expect(newest).toMatchObject({ all: full.timeline.length, deleted: 1 })

    const middle = ok(await host.call('timeline:window', { id, from: 4, count: 3 }))
    expect(middle.start).toBe(4)
    // Each item as the timeline holds it, with what the list shows added (audience, secrets).
    expect(middle.items).toMatchObject(shown.slice(4, 7))
    expect(texts(middle.items)).not.toContain('Check 4')

    // Past the end: the last full window, not an empty one.
    const late = ok(await host.call('timeline:window', { id, from: 1_000, count: 5 }))
    expect(late.start).toBe(shown.length - 5)
    expect(late.items).toHaveLength(5)
  })

  it('filters as the list does: search, kind, deleted, and the retro’s reportable moments', async () => {
    const { host, id } = await withNotes()
    const found = ok(await host.call('timeline:window', { id, count: 50, query: 'check 2' }))
    expect(texts(found.items)).toEqual([
      'Check 2',
      ...Array.from({ length: 10 }, (_, i) => `Check ${20 + i}`),
    ])
    const withDeleted = ok(
      await host.call('timeline:window', { id, count: 50, kind: 'note', showDeleted: true }),
    )
    expect(withDeleted.total).toBe(30)
    const reportable = ok(
      await host.call('timeline:window', { id, count: 50, reportable: true, showDeleted: true }),
    )
    expect(texts(reportable.items)).not.toContain('Check 4')
    expect(texts(reportable.items)).toContain('Check 5')
  })

  it('a window asked after a change shows it (nothing stale is served)', async () => {
    const { host, id } = await withNotes()
    ok(await host.call('timeline:window', { id, count: 2, query: 'check' }))
    ok(
      await host.call('timeline:add', {
        incidentId: id,
        entry: { kind: 'note', text: 'Check 30' },
      }),
    )
    const after = ok(await host.call('timeline:window', { id, count: 2, query: 'check' }))
    expect(texts(after.items)).toEqual(['Check 29', 'Check 30'])
  })

  it('refuses a window larger than the limit', async () => {
    const { host, id } = await withNotes()
    const result = await host.call('timeline:window', { id, count: 1_000_000 })
    expect(result.ok).toBe(false)
  })
})
