import { describe, expect, it } from 'vitest'
import { UserError } from '../incident/errors'
import { checkMove, recurrenceOutcome } from './lifecycle'
import { STATUSES, type Status } from './status'

/** The policy's graph (seed 002), written out by hand: 7 plain moves, the rest refused. */
const ALLOWED = new Set([
  'pending>stabilized',
  'stabilized>investigating',
  'stabilized>pending',
  'stabilized>resolved',
  'investigating>pending',
  'investigating>resolved',
  'resolved>reviewed',
])

/** What each refusal must say the allowed moves are. */
const ALLOWED_TEXT: Record<Status, string> = {
  pending: 'allowed: Stabilized.',
  stabilized: 'allowed: Under investigation, Stabilization pending, Resolved.',
  investigating: 'allowed: Stabilization pending, Resolved.',
  resolved: 'allowed: Reviewed, “It happened again” to reopen.',
  reviewed: 'allowed: “It happened again” to reopen.',
}

function refusal(from: Status, to: Status): UserError | null {
  try {
    checkMove(from, to)
    return null
  } catch (err) {
    if (err instanceof UserError) return err
    throw err
  }
}

describe('status graph: all 25 pairs', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const))
  it('has 25 pairs', () => expect(pairs).toHaveLength(25))
  for (const [from, to] of pairs) {
    const allowed = ALLOWED.has(`${from}>${to}`)
    it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
      const error = refusal(from, to)
      if (allowed) {
        expect(error).toBeNull()
        return
      }
      expect(error).not.toBeNull()
      expect(error!.code).toBe(from === to ? 'same-status' : 'move-not-allowed')
      expect(error!.message).toContain(ALLOWED_TEXT[from])
    })
  }

  it('words refusals the way a person would read them', () => {
    expect(refusal('resolved', 'stabilized')?.message).toBe(
      'Resolved can’t go back to Stabilized; allowed: Reviewed, “It happened again” to reopen.',
    )
    expect(refusal('pending', 'resolved')?.message).toBe(
      'Stabilization pending can’t move to Resolved; allowed: Stabilized.',
    )
    expect(refusal('reviewed', 'pending')?.message).toBe(
      'Reviewed can’t go back to Stabilization pending; allowed: “It happened again” to reopen. If it is disrupting service again, use “It happened again”.',
    )
    expect(refusal('investigating', 'investigating')?.message).toBe(
      'The incident is already Under investigation; allowed: Stabilization pending, Resolved.',
    )
  })
})

describe('recurrence: the 48-hour rule', () => {
  const resolvedAt = '2026-11-20T10:00:00.000Z'
  const after = (h: number, m: number) =>
    new Date(Date.parse(resolvedAt) + h * 3_600_000 + m * 60_000)
  it('reopens at 47 h 59 min and at exactly 48 h, re-records at 48 h 01 min', () => {
    expect(recurrenceOutcome('resolved', resolvedAt, after(47, 59))).toBe('reopen')
    expect(recurrenceOutcome('reviewed', resolvedAt, after(48, 0))).toBe('reopen')
    expect(recurrenceOutcome('resolved', resolvedAt, after(48, 1))).toBe('new-incident')
    expect(recurrenceOutcome('reviewed', resolvedAt, after(48, 1))).toBe('new-incident')
  })
  it('is refused for an incident that is still open', () => {
    expect(() => recurrenceOutcome('investigating', resolvedAt, after(1, 0))).toThrow(
      /“It happened again” is for Resolved or Reviewed incidents; this one is Under investigation/,
    )
  })
})
