import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../settings/settings'
import { toCommsView } from './from-incident'
import type { IncidentEvent } from '../events'
import { foldIncident } from '../incident'
import { incidentReport } from './report'

let seq = 0
const ev = (time: string, body: Record<string, unknown>) =>
  ({
    id: `e${++seq}`,
    incidentId: '20261123-1400-abcd',
    seq,
    at: `2026-11-23T${time}:00.000Z`,
    by: 'Dana',
    ...body,
  }) as IncidentEvent
const note = (time: string, entryId: string, text: string, verified = true) =>
  ev(time, {
    type: 'entry.added',
    entryId,
    occurredAt: `2026-11-23T${time}:00.000Z`,
    verified,
    content: { kind: 'note', text },
  })

const incident = foldIncident([
  ev('14:00', {
    type: 'incident.recorded',
    title: 'Search <script> fails',
    observed: 'Every search answers 500.',
    severity: 1,
    scale: 'openverse',
    detection: 'alert',
    area: 'API',
    status: 'pending',
  }),
  note('14:05', 'n1', 'Deploy used token ghp_abcdefghijklmnopqrstuvwxyz0123456789'),
  note('14:06', 'n2', 'Maybe the kubelet', false),
  note('14:07', 'n3', 'Key AKIAIOSFODNN7EXAMPLE in the env'),
  ev('14:08', { type: 'entry.unmasked', entryId: 'n3', unmasked: true }),
  ev('14:09', {
    type: 'entry.added',
    entryId: 'img1',
    occurredAt: '2026-11-23T14:09:00.000Z',
    verified: true,
    content: { kind: 'image', caption: 'Error [graph]', file: 'img1.png', width: 10, height: 10 },
  }),
  ev('14:20', {
    type: 'status.changed',
    from: 'pending',
    to: 'stabilized',
    summary: 'Rolled back',
  }),
])
const report = (includeUnverified = false) =>
  incidentReport(incident, toCommsView(incident, DEFAULT_SETTINGS), { includeUnverified })

describe('the exported report.md', () => {
  it('has the facts, the summary and the verified timeline in UTC with images inline', () => {
    const md = report()
    expect(md.startsWith('# Search \\<script\\> fails\n')).toBe(true)
    expect(md).toContain('- **Severity:** Severity 1')
    expect(md).toContain('- **Stabilized:** 2026-11-23 at 14:20 UTC')
    expect(md).toContain('## Mitigation\n\nRolled back')
    expect(md).toContain('![Error \\[graph\\]](images/img1.png)')
    expect(md).not.toContain('kubelet')
    expect(md).toContain('Only verified entries are included')
  })
  it('masks secrets unless the entry was unmasked', () => {
    const md = report()
    expect(md).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789')
    expect(md).toContain('AKIAIOSFODNN7EXAMPLE')
  })
  it('includes hypotheses, marked, when asked', () => {
    const md = report(true)
    expect(md).toContain('Maybe the kubelet _(unverified)_')
    expect(md).not.toContain('Only verified entries are included')
  })

  it('escapes every typed field: raw HTML and links cannot pass into a Markdown viewer', () => {
    const hostile = foldIncident([
      ev('14:00', {
        type: 'incident.recorded',
        title: 'Search <img src=x onerror=alert(1)> down',
        observed: 'It fails <script>alert(1)</script>\n[click me](javascript:alert(2))',
        severity: 1,
        scale: 'openverse',
        detection: 'alert',
        area: '<b>API</b>',
        status: 'pending',
      }),
      ev('14:01', { type: 'lead.set', lead: '[Dana](javascript:alert(3))', source: 'free' }),
      ev('14:02', { type: 'comms.p2UrlSet', url: 'javascript:alert(4)' }),
      note('14:05', 'n1', 'See <iframe src=x> and [it](javascript:alert(5))'),
      ev('14:20', {
        type: 'status.changed',
        from: 'pending',
        to: 'stabilized',
        summary: 'Rolled back <img src=y onerror=alert(6)> [x](javascript:alert(7))',
      }),
    ])
    const md = incidentReport(hostile, toCommsView(hostile, DEFAULT_SETTINGS))
    expect(rawMarkup(md)).toEqual([])
    expect(md).toContain('# Search \\<img src=x onerror=alert(1)\\> down')
    expect(md).toContain('[click me\\](javascript:alert(2))')
    expect(md).toContain('- **Area:** \\<b\\>API\\</b\\>')
    // Readable as it was typed, apart from the backslashes.
    expect(md).toContain('Rolled back \\<img src=y onerror=alert(6)\\> [x\\](javascript:alert(7))')
  })
})

/**
 * Everything a Markdown viewer could read as markup: a `<` (raw HTML, autolinks) or a `]` that
 * opens a link's target (`](`, `][`, `]:`), not escaped by a backslash.
 */
function rawMarkup(md: string): string[] {
  return (
    [...md.matchAll(/(?<!\\)(?:\\\\)*(?:<|\][([:])[^\n]{0,30}/g)]
      .map((m) => m[0])
      // The app's own images: ![caption](images/…).
      .filter((m) => !m.startsWith('](images/'))
  )
}
