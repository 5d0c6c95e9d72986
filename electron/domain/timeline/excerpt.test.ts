import { describe, expect, it } from 'vitest'
import type { IncidentEvent } from '../events'
import { foldIncident } from '../incident'
import { maskingPolicy, releaseText } from '../comms/outgoing'
import { publicTimeline } from '../comms/public-timeline'
import { audienceOf } from './audience'
import { EXCERPT_CHARS, logExcerpt } from './excerpt'

const TOKEN = 'sk_live_51HxQkLJd8fA2pQ9rT3vW7yZ'
const LOG = [
  '13:58:01 ERROR upstream timeout after 30000 ms on GET /v1/images/?q=cat',
  `13:58:02 retrying with Authorization: Bearer ${TOKEN}`,
  '13:58:03 ERROR upstream timeout after 30000 ms on GET /v1/images/?q=dog',
  '    at Search.query (search.py:120)',
].join('\n')

let seq = 0
const at = (minute: number) => new Date(Date.parse('2026-11-23T14:00:00Z') + minute * 60_000)
const ev = (minute: number, body: Record<string, unknown>) =>
  ({
    id: `e${++seq}`,
    incidentId: '20261123-1400-log1',
    seq,
    at: at(minute).toISOString(),
    by: 'Dana',
    ...body,
  }) as IncidentEvent

function incidentWithLog(...more: IncidentEvent[]) {
  return foldIncident([
    ev(0, {
      type: 'incident.recorded',
      title: 'Search times out',
      observed: '',
      severity: 2,
      scale: 'openverse',
      detection: 'alert',
      area: 'API',
      status: 'pending',
    }),
    ev(5, {
      type: 'entry.added',
      entryId: 'log',
      occurredAt: at(5).toISOString(),
      verified: true,
      content: { kind: 'paste', text: LOG },
    }),
    ev(6, {
      type: 'entry.added',
      entryId: 'note',
      occurredAt: at(6).toISOString(),
      verified: true,
      content: { kind: 'note', text: 'Elasticsearch heap at 95%' },
    }),
    ...more,
  ])
}

const linesOf = (incident: ReturnType<typeof incidentWithLog>) =>
  publicTimeline(incident, maskingPolicy(incident)).map((l) => l.text)

describe('pasted logs in outputs', () => {
  it('are internal until someone makes them public', () => {
    const incident = incidentWithLog()
    const log = incident.timeline.find((i) => i.id === 'log')!
    expect(audienceOf(log, incident.audience)).toBe('internal')
    expect(linesOf(incident)).toEqual(['Elasticsearch heap at 95%'])
  })

  it('once public, are quoted as a short excerpt of their first lines, secrets masked', () => {
    const incident = incidentWithLog(
      ev(7, { type: 'item.audienceSet', itemId: 'log', audience: 'public' }),
    )
    const [quoted, note] = linesOf(incident)
    expect(note).toBe('Elasticsearch heap at 95%')
    expect(quoted).toBe(
      'Log excerpt: 13:58:01 ERROR upstream timeout after 30000 ms on GET /v1/images/?q=cat / ' +
        '13:58:02 retrying with Authorization: Bearer [redacted bearer-token] …',
    )
    expect(quoted).not.toContain('search.py')
  })
})

describe('logExcerpt', () => {
  it('quotes a one-line log as it is', () => {
    expect(logExcerpt('  502 Bad Gateway from nginx\n\n')).toBe('502 Bad Gateway from nginx')
  })

  it('cuts a long line at a word, with "…"', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')
    const quoted = logExcerpt(words)
    expect(quoted.length).toBeLessThanOrEqual(EXCERPT_CHARS + 2)
    expect(quoted).toMatch(/^word0 word1 .* word\d+ …$/)
  })

  it('never cuts inside a secret: half a token would escape masking', () => {
    // The limit falls five characters into the token: too short for masking to know it.
    const log = `${'x'.repeat(EXCERPT_CHARS - 12)};token=${TOKEN}`
    const released = releaseText(logExcerpt(log))
    expect(released).not.toContain(TOKEN.slice(0, 5))
    expect(released.endsWith(';token= …')).toBe(true)
  })
})
