import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MINUTE } from '../../domain/comms/cadence'
import { LEDGER_DELTA_FILE, LEDGER_FILE } from '../../store/deadline-ledger'
import { tempDir, testHost } from '../../testing/fixtures'
import { ManualClock } from '../clock'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

async function recordWithLead(clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))) {
  const h = testHost(dir, clock)
  const r = await h.host.call('incident:record', {
    title: 'API down',
    severity: 1,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!r.ok) throw new Error(r.error.message)
  await h.host.call('incident:setLead', { id: r.value.id, lead: { kind: 'free', name: 'Dana' } })
  return h
}

const titles = (n: { title: string }[]) => n.map((x) => x.title)
/** The ledger file's inode (rewritten whole) and its delta's size (a line per changed memory). */
const ledgerInode = () => [
  statSync(join(dir, LEDGER_FILE)).ino,
  statSync(join(dir, LEDGER_DELTA_FILE), { throwIfNoEntry: false })?.size ?? 0,
]

describe('the deadline engine', () => {
  it('writes its ledger only when a memory changes, not on every tick', async () => {
    const { host, clock, notifications } = await recordWithLead()
    const id = host.snapshot().incidents[0]!.id
    const before = ledgerInode()
    // Thirty ticks of the one-minute timer and three notes, with nothing to say: not rewritten.
    for (let i = 0; i < 3; i++) {
      clock.advance(10 * MINUTE)
      await host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text: `n${i}` } })
    }
    expect(notifications).toEqual([])
    expect(ledgerInode()).toEqual(before)
    clock.advance(20 * MINUTE)
    expect(titles(notifications)).toEqual(['Status update due in 10 min'])
    expect(ledgerInode()).not.toEqual(before)
  })

  it('reads what the old reminders.json remembered, so an upgrade repeats nothing', async () => {
    const first = await recordWithLead()
    first.clock.advance(52 * MINUTE)
    expect(titles(first.notifications)).toEqual(['Status update due in 10 min'])
    first.host.close()
    // As the app before the engine left it: reminders.json, and no deadlines.json.
    const ledger = JSON.parse(readFileSync(join(dir, LEDGER_FILE), 'utf8'))
    writeFileSync(join(dir, 'reminders.json'), JSON.stringify(ledger.jobs.update))
    rmSync(join(dir, LEDGER_FILE))

    const again = testHost(dir, first.clock)
    again.host.wake()
    expect(again.notifications).toEqual([])
    first.clock.advance(8 * MINUTE)
    expect(titles(again.notifications)).toEqual(['Status update due now'])
    again.host.close()
  })
})
