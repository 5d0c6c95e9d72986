import { describe, expect, it } from 'vitest'
import type { IncidentSummary } from '../incident'
import { runnerAt, suggestLeads } from './lead-suggestion'
import { Rota } from '../settings/rota'

const rota = Rota.parse({
  people: [
    { name: 'Olga', timeZone: 'Europe/Berlin', expertise: ['search'] },
    { name: 'Ken', timeZone: 'Asia/Tokyo' },
    { name: 'Ana', timeZone: 'America/Los_Angeles', expertise: ['frontend'] },
    { name: 'Sam', timeZone: 'Europe/London', expertise: ['search', 'api'] },
  ],
  schedule: [
    { weekStart: '2026-11-16', runner: 'Ken' },
    { weekStart: '2026-11-23', runner: 'Ana' },
  ],
})

const led = (lead: string, recordedAt: string): IncidentSummary => ({
  id: `${lead}-${recordedAt}`,
  title: 'old',
  severity: 2,
  scale: 'openverse',
  status: 'reviewed',
  active: false,
  recorder: 'x',
  lead,
  area: '',
  recordedAt,
  updatedAt: recordedAt,
  lastUpdateAt: null,
  snoozedUntil: null,
  resolvedAt: null,
})

describe('lead suggestion', () => {
  it('puts this week’s runner first when inside their working hours', () => {
    // Monday 18:10 UTC is 10:10 in Los Angeles, 19:10 in Berlin, 03:10 in Tokyo.
    const at = new Date('2026-11-23T18:10:00Z')
    const [first, ...rest] = suggestLeads(rota, [], 'Search', at)
    expect(first).toMatchObject({ name: 'Ana', runner: true, inWorkingHours: true })
    expect(first!.reasons.slice(0, 2)).toEqual([
      'runner this week',
      'in working hours (10:10 their time)',
    ])
    // Nobody else is in hours; those who know search come first.
    expect(rest.map((s) => s.name)).toEqual(['Olga', 'Sam', 'Ken'])
    expect(rest.every((s) => !s.inWorkingHours)).toBe(true)
  })

  it('without the runner in hours, ranks people in hours by least recent lead, then by 90-day count, then expertise', () => {
    // Monday 14:10 UTC: 15:10 Berlin, 14:10 London (in hours); 06:10 LA, 23:10 Tokyo (out).
    const at = new Date('2026-11-23T14:10:00Z')
    const history = [
      led('Olga', '2026-10-13T10:00:00Z'), // 41 days before
      led('Sam', '2026-11-20T10:00:00Z'),
    ]
    const list = suggestLeads(rota, history, 'Search', at)
    expect(list.map((s) => s.name).slice(0, 2)).toEqual(['Olga', 'Sam'])
    expect(list[0]!.reasons).toEqual([
      'in working hours (15:10 their time)',
      'last led 41 days ago',
      'led 1 of 2 incidents in the last 90 days',
      'knows: search',
    ])
    expect(list[1]!.reasons[0]).toBe('in working hours (14:10 their time)')
    expect(list.slice(2).every((s) => !s.inWorkingHours)).toBe(true)
    expect(list.find((s) => s.name === 'Ana')!.reasons[0]).toBe('runner this week')
  })

  it('breaks ties on never-led people by expertise in the incident’s area', () => {
    const at = new Date('2026-11-23T14:10:00Z')
    const list = suggestLeads(rota, [], 'API', at)
    expect(list.slice(0, 2).map((s) => s.name)).toEqual(['Sam', 'Olga'])
    expect(list[0]!.reasons).toContain('knows: api')
    expect(list[0]!.reasons).toContain('has not led an incident here yet')
  })

  it('switches runner at the week boundary (Monday 00:00 UTC), whatever the runner’s zone', () => {
    expect(runnerAt(rota, new Date('2026-11-22T23:59:00Z'))).toBe('Ken')
    expect(runnerAt(rota, new Date('2026-11-23T00:00:00Z'))).toBe('Ana')
    expect(runnerAt(rota, new Date('2026-11-30T00:00:00Z'))).toBeNull()
    // Sunday 23:59 UTC is already Monday 08:59 in Tokyo: Ken is still runner, but not in hours
    // (09:00 start); at Monday 00:30 UTC it is 09:30 in Tokyo but Ana is the runner now.
    const before = suggestLeads(rota, [], '', new Date('2026-11-22T23:59:00Z'))
    expect(before.find((s) => s.name === 'Ken')).toMatchObject({
      runner: true,
      inWorkingHours: false,
    })
    const after = suggestLeads(rota, [], '', new Date('2026-11-23T00:30:00Z'))
    expect(after[0]).toMatchObject({ name: 'Ken', runner: false, inWorkingHours: true })
    expect(after[0]!.reasons[0]).toBe('in working hours (09:30 their time)')
    expect(after.find((s) => s.name === 'Ana')).toMatchObject({
      runner: true,
      inWorkingHours: false,
    })
  })

  it('rejects a time zone Intl does not know and a runner week that is not a Monday', () => {
    const bad = Rota.safeParse({
      people: [{ name: 'X', timeZone: 'Mars/Olympus' }],
      schedule: [{ weekStart: '2026-11-24', runner: 'X' }],
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      '“Mars/Olympus” is not a time zone; use a name like Europe/Berlin or America/New_York.',
      '2026-11-24 is not a Monday; a runner week starts on a Monday.',
    ])
  })
})
