import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../settings/settings'
import type { IncidentEvent } from '../events'
import { foldIncident } from '../incident'
import { toCommsView } from './from-incident'
import { renderOutputs } from './outputs'

const DAY = 86_400_000
const START = Date.parse('2023-08-28T09:00:00Z')
let seq = 0
const ev = (at: number, body: Record<string, unknown>) =>
  ({
    id: `e${++seq}`,
    incidentId: '20230828-0900-lat1',
    seq,
    at: new Date(at).toISOString(),
    by: 'Olga',
    ...body,
  }) as IncidentEvent

/**
 * A latency investigation of 80 days: a daily "nothing new" update most days, 20 findings over
 * ten days, a handover, a key-time edit, an uncaptioned screenshot; resolved at the end.
 */
function longInvestigation(): IncidentEvent[] {
  const events: IncidentEvent[] = [
    ev(START, {
      type: 'incident.recorded',
      title: 'p99 latency of search doubled',
      observed: 'p99 of /v1/images went from 800 ms to 1.7 s.',
      severity: 2,
      scale: 'openverse',
      detection: 'alert',
      area: 'API',
      status: 'pending',
    }),
    ev(START + 3_600_000, { type: 'lead.set', lead: 'Olga', note: 'Dana is away' }),
    ev(START + 7_200_000, {
      type: 'keytime.changed',
      key: 'detectedAt',
      value: '2023-08-28T08:06:00.000Z',
      reason: 'Alert fired earlier',
    }),
    ev(START + 3 * 3_600_000, {
      type: 'status.changed',
      from: 'pending',
      to: 'stabilized',
      summary: 'Scaled the API to 6 pods; p99 back under 1 s.',
    }),
    ev(START + 4 * 3_600_000, { type: 'status.changed', from: 'stabilized', to: 'investigating' }),
    ev(START + 5 * 3_600_000, {
      type: 'entry.added',
      entryId: 'shot',
      occurredAt: new Date(START + 5 * 3_600_000).toISOString(),
      verified: true,
      content: { kind: 'image', caption: '', file: 'a.png', width: 1, height: 1 },
    }),
  ]
  const findingDays = new Set([3, 9, 15, 22, 30, 38, 47, 55, 63, 72])
  let finding = 0
  for (let day = 1; day <= 80; day++) {
    const t = START + day * DAY
    if (findingDays.has(day)) {
      for (let k = 0; k < 2; k++) {
        events.push(
          ev(t + k * 60_000, {
            type: 'entry.added',
            entryId: `f${++finding}`,
            occurredAt: new Date(t + k * 60_000).toISOString(),
            verified: true,
            content: { kind: 'note', text: `Finding ${finding}: slow query plan on shard ${k}` },
          }),
        )
      }
      // Copy is posting: the status comment with the findings was copied, so it counted.
      events.push(
        ev(t + 3_600_000, {
          type: 'update.posted',
          text: `Finding ${finding - 1} and ${finding}`,
          copied: true,
          news: true,
        }),
      )
    } else {
      events.push(
        ev(t + 3_600_000, { type: 'update.posted', text: 'Nothing new, still investigating.' }),
      )
    }
  }
  events.push(
    ev(START + 81 * DAY, {
      type: 'status.changed',
      from: 'investigating',
      to: 'resolved',
      summary: 'An index on (provider, created_on) brought p99 back to 750 ms.',
    }),
  )
  return events
}

describe('the public timeline of a long incident', () => {
  const events = longInvestigation()
  const incident = foldIncident(events)
  const view = toCommsView(incident, DEFAULT_SETTINGS)
  const byId = Object.fromEntries(renderOutputs(view).map((o) => [o.id, o]))

  it('keeps the resolved P2 post under 60 lines, with no echo and no internal line', () => {
    const post = byId['p2-post']!.text
    expect(post.split('\n').length).toBeLessThan(60)
    expect(post).not.toContain('Posted an update')
    expect(post).not.toMatch(/Lead: Olga, set by|Handover|time set to|Recorded by Olga/)
    expect(post).not.toMatch(/: Screenshot$/m)
    for (let f = 1; f <= 20; f++) expect(post).toContain(`Finding ${f}:`)
    expect(post).toContain('Daily updates, 2023-08-29 to 2023-08-30, nothing new (2 updates)')
    // A copied comment's news is on the timeline already: said once.
    expect(post).not.toContain('Finding 1 and 2')
    // The solution is the summary; the status line does not repeat it.
    expect(post.match(/An index on \(provider, created_on\)/g)).toHaveLength(1)
  })

  it('the resolved comment gives the solution once', () => {
    const comment = byId['p2-comment']!.text
    expect(comment.match(/An index on/g)).toHaveLength(1)
    expect(comment).not.toContain('Next update due')
  })

  it('an item toggled public or internal overrides its default', () => {
    const lead = incident.timeline.find(
      (i) => i.kind === 'lifecycle' && i.text.startsWith('Lead:'),
    )!
    const toggled = foldIncident([
      ...events,
      ev(START + 82 * DAY, { type: 'item.audienceSet', itemId: lead.id, audience: 'public' }),
      ev(START + 82 * DAY, { type: 'item.audienceSet', itemId: 'f1', audience: 'internal' }),
    ])
    const text = toCommsView(toggled, DEFAULT_SETTINGS).timeline.map((l) => l.text)
    expect(text).toContain('Lead: Olga, set by Olga. Handover: Dana is away')
    expect(text.some((t) => t.startsWith('Finding 1:'))).toBe(false)
  })

  it('a captioned screenshot reads "Screenshot: <caption>"', () => {
    const captioned = foldIncident([
      ...events,
      ev(START + 82 * DAY, {
        type: 'entry.edited',
        entryId: 'shot',
        changes: { caption: 'p99 by endpoint' },
      }),
    ])
    const text = toCommsView(captioned, DEFAULT_SETTINGS).timeline.map((l) => l.text)
    expect(text).toContain('Screenshot: p99 by endpoint')
  })
})

describe('runs of "nothing new" updates are named by the cadence they had', () => {
  it('daily, then weekly after "when there is news": two runs, each named by its cadence', () => {
    seq = 0
    const t0 = Date.parse('2023-10-02T06:00:00Z')
    const record = ev(t0, {
      type: 'incident.recorded',
      title: 'Thumbnails slow',
      observed: 'Thumbnails take 10 s.',
      severity: 2,
      scale: 'openverse',
      detection: 'alert',
      area: 'API',
      status: 'stabilized',
    })
    const nothing = (day: number) =>
      ev(t0 + day * DAY, { type: 'update.posted', text: '', copied: true, news: false })
    const incident = foldIncident([
      record,
      nothing(1),
      nothing(2),
      nothing(3),
      ev(t0 + 3 * DAY + 60_000, { type: 'cadence.chosen', choice: 'news' }),
      nothing(8),
      nothing(15),
      nothing(22),
    ])
    const lines = toCommsView(incident, DEFAULT_SETTINGS).timeline.map((l) => l.text)
    expect(lines).toEqual([
      'Daily updates, 2023-10-03 to 2023-10-05, nothing new (3 updates)',
      'Updates when there is news, 2023-10-10 to 2023-10-24, nothing new (3 updates)',
    ])
  })
})
