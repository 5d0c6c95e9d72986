import { describe, expect, it } from 'vitest'
import { Cadence, HOUR, Reminders, updateDue } from './cadence'

const cadence = Cadence.parse({})
const reminders = Reminders.parse({})
const at = '2026-11-23T14:00:00.000Z'
const due = (over: Partial<Parameters<typeof updateDue>[0]>) =>
  updateDue(
    { severity: 1, recordedAt: at, lastUpdateAt: null, snoozedUntil: null, ...over },
    cadence,
    reminders,
  )

describe('cadence per severity and status', () => {
  it('Severity 1 is hourly until stabilized, daily after; the reason says so', () => {
    expect(due({ status: 'pending' })).toMatchObject({
      cadenceMs: HOUR,
      reason: 'hourly until stabilized (Severity 1, policy)',
    })
    expect(due({ status: 'stabilized' })).toMatchObject({
      cadenceMs: 24 * HOUR,
      reason: 'daily once stabilized (policy)',
    })
    expect(due({ status: 'investigating', severity: 2 }).cadenceMs).toBe(24 * HOUR)
  })

  it('after Stabilized the lead may choose "when there is news", capped at a week', () => {
    const news = due({ status: 'investigating', cadenceChoice: 'news' })
    expect(news.cadenceMs).toBe(7 * 24 * HOUR)
    expect(news.reason).toMatch(/when there is news, at least weekly/)
    expect(due({ status: 'stabilized', cadenceChoice: 'daily' }).reason).toBe(
      'daily (lead’s choice)',
    )
    // Back to pending (it happened again): the policy applies whatever was chosen.
    expect(due({ status: 'pending', cadenceChoice: 'news' }).cadenceMs).toBe(HOUR)
  })
})
