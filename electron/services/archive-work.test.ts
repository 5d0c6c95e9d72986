import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MINUTE } from '../domain/comms/cadence'
import { writePastIncidents } from '../testing/archive'
import { tempDir, testHost } from '../testing/fixtures'
import { ManualClock } from './clock'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

type Work = { replayed: number; indexed: number; evaluated: number; ledgered: number }
const minus = (a: Work, b: Work): Work => ({
  replayed: a.replayed - b.replayed,
  indexed: a.indexed - b.indexed,
  evaluated: a.evaluated - b.evaluated,
  ledgered: a.ledgered - b.ledgered,
})

/**
 * A day of one incident's commands over a data folder holding `past` incidents: the work each
 * command did (logs replayed, index entries written, incidents the reminders looked at, reminder
 * memories written), with the
 * deadline timer and the delayed index write given time to run after each one.
 */
async function workPerCommand(past: number): Promise<Record<string, Work>> {
  writePastIncidents(dir, past)
  const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
  const { host } = testHost(dir, clock)
  expect(host.snapshot().incidents).toHaveLength(past)
  // Start-up replayed the logs (no index yet): the whole index is written a moment later.
  clock.advance(MINUTE)
  expect(host.work().indexed).toBe(past)
  const work: Record<string, Work> = {}
  const measure = async (name: string, command: () => Promise<{ ok: boolean }>) => {
    const before = host.work()
    const result = await command()
    expect(result).toMatchObject({ ok: true })
    // The index write (2 s later) and a reminder tick run inside the measured window.
    clock.advance(MINUTE)
    work[name] = minus(host.work(), before)
  }
  let id = ''
  await measure('record', async () => {
    const r = await host.call('incident:record', {
      title: 'API down',
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    })
    if (r.ok) id = r.value.id
    return r
  })
  await measure('note', () =>
    host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text: 'p95 at 3 s' } }),
  )
  await measure('lead', () =>
    host.call('incident:setLead', { id, lead: { kind: 'free', name: 'Olga' } }),
  )
  await measure('update', () => host.call('update:post', { id, text: 'Rolled back.' }))
  await measure('get', () => host.call('incident:get', { id }))
  await measure('wake', async () => {
    host.wake()
    return { ok: true }
  })
  host.close()
  return work
}

describe('work per command with years of history', () => {
  it('is the same with 1,000 past incidents as with none', async () => {
    const none = await workPerCommand(0)
    cleanup()
    ;({ dir, cleanup } = tempDir())
    const archive = await workPerCommand(1_000)
    expect(archive).toEqual(none)
    // And it is small: one incident at a time, never the archive.
    for (const work of Object.values(archive)) {
      expect(work.replayed).toBeLessThanOrEqual(1)
      expect(work.indexed).toBeLessThanOrEqual(1)
      expect(work.evaluated).toBeLessThanOrEqual(3)
      // Reminder memories written: those of the incident that changed, never the whole ledger.
      expect(work.ledgered).toBeLessThanOrEqual(4)
    }
  })
})
