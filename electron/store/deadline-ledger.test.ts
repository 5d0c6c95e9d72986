import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/fixtures'
import { DeadlineLedger, LEDGER_DELTA_FILE, LEDGER_FILE } from './deadline-ledger'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const ledgerStat = () => statSync(join(dir, LEDGER_FILE))
const deltaLines = () =>
  existsSync(join(dir, LEDGER_DELTA_FILE))
    ? readFileSync(join(dir, LEDGER_DELTA_FILE), 'utf8').trim().split('\n').length
    : 0

/** A ledger holding a memory for `n` incidents, written whole, as after a close. */
function ledgerOf(n: number): DeadlineLedger {
  const ledger = new DeadlineLedger(dir)
  for (let i = 0; i < n; i++) ledger.set('update', `past-${i}`, { said: ['due'] })
  ledger.set('update', 'live', { said: [] })
  ledger.flush()
  ledger.compact()
  return new DeadlineLedger(dir)
}

describe('the deadline ledger', () => {
  it('writes one line for a changed memory, with 1,000 memories as with none', () => {
    for (const n of [0, 1_000]) {
      cleanup()
      ;({ dir, cleanup } = tempDir())
      const ledger = ledgerOf(n)
      const whole = ledgerStat()
      ledger.set('update', 'live', { said: ['due in 10 min'] })
      ledger.set('update', 'live', { said: ['due in 10 min'] }) // the same: no second line
      const before = ledger.written
      ledger.flush()
      expect(ledger.written - before, `${n} memories`).toBe(1)
      expect(deltaLines()).toBe(1)
      expect([ledgerStat().ino, ledgerStat().size]).toEqual([whole.ino, whole.size])
      ledger.flush() // nothing changed since: nothing written
      expect(deltaLines()).toBe(1)
    }
  })

  it('a restart reads the ledger and its delta: changes and forgets, the newest last', () => {
    const ledger = ledgerOf(3)
    ledger.set('update', 'live', { said: ['due in 10 min'] })
    ledger.set('lead', 'live', { asked: true })
    ledger.flush()
    ledger.set('update', 'past-1', undefined)
    ledger.set('update', 'live', { said: ['due in 10 min', 'due now'] })
    ledger.flush()
    const again = new DeadlineLedger(dir)
    expect(again.get('update', 'live')).toEqual({ said: ['due in 10 min', 'due now'] })
    expect(again.get('lead', 'live')).toEqual({ asked: true })
    expect(again.get('update', 'past-1')).toBeUndefined()
    expect(again.get('update', 'past-2')).toEqual({ said: ['due'] })
    expect([...again.ids()].sort()).toEqual(['live', 'past-0', 'past-2'])
  })

  it('ignores a torn line and lines of an older generation a crash left behind', () => {
    const ledger = ledgerOf(2)
    ledger.set('update', 'live', { said: ['stale'] })
    ledger.flush()
    const staleLine = readFileSync(join(dir, LEDGER_DELTA_FILE), 'utf8')
    ledger.compact()
    // As if the crash came after writing deadlines.json, before removing the old delta.
    appendFileSync(join(dir, LEDGER_DELTA_FILE), staleLine.replace('"stale"', '"older"'))
    appendFileSync(join(dir, LEDGER_DELTA_FILE), '[2,"[\\"update\\",\\"live\\"]",{"memo')
    const again = new DeadlineLedger(dir)
    expect(again.get('update', 'live')).toEqual({ said: ['stale'] })
  })

  it('folds a long delta into deadlines.json, and folds it at close', () => {
    const ledger = ledgerOf(0)
    for (let i = 0; i < 250; i++) {
      ledger.set('update', `n${i}`, { said: [i] })
      ledger.flush()
    }
    // Past 200 lines the next change rewrote the whole ledger and started a new delta.
    expect(deltaLines()).toBeLessThan(200)
    ledger.compact()
    expect(existsSync(join(dir, LEDGER_DELTA_FILE))).toBe(false)
    const whole = JSON.parse(readFileSync(join(dir, LEDGER_FILE), 'utf8')) as {
      jobs: Record<string, Record<string, unknown>>
    }
    expect(Object.keys(whole.jobs.update!)).toHaveLength(251)
    expect(new DeadlineLedger(dir).get('update', 'n249')).toEqual({ said: [249] })
  })
})
