import { describe, expect, it } from 'vitest'
import { RecordIncidentInput } from './record'
import { Settings } from '../settings/settings'
import { OccurredAt } from '../timeline/commands'
import { cleanLine, linkKind, notTooEarly } from './input-rules'
import { RetroDraft } from '../retro/draft'
import { QuickLink, RunbookInput } from '../settings/runbooks'

describe('input rules', () => {
  it('strips control and bidi-override characters from single-line fields', () => {
    // U+202E turns "gnp.exe" into what reads as "exe.png".
    expect(cleanLine('invoice\u202Egnp.exe')).toBe('invoicegnp.exe')
    expect(cleanLine('a\u2066b\u2069c\u202Ad\u202Ce')).toBe('abcde')
    expect(cleanLine('bell\u0007 esc\u001b[31m del\u007f c1\u0085')).toBe('bell esc[31m del c1')
    expect(cleanLine('two\nlines\r\nand\ttab')).toBe('two lines and tab')
    // Letters of right-to-left scripts stay: only the invisible overrides go.
    expect(cleanLine('خطأ في البحث')).toBe('خطأ في البحث')
    expect(cleanLine('emoji 🔥 ok')).toBe('emoji 🔥 ok')
  })

  it('a recorded title is stored as cleaned', () => {
    const parsed = RecordIncidentInput.parse({
      title: '  API\u202E down\u0000 ',
      severity: 1,
      detection: 'alert',
      area: 'Search\u2067',
    })
    expect(parsed.title).toBe('API down')
    expect(parsed.area).toBe('Search')
    expect(Settings.parse({ you: { name: 'Dana\u202E' } }).you.name).toBe('Dana')
    // Nothing left once cleaned is an empty title, refused as one.
    expect(
      RecordIncidentInput.safeParse({ title: '\u202E\u0007', severity: 1, detection: 'alert' })
        .success,
    ).toBe(false)
  })

  it('quick-link labels, runbook titles and steps, and retro attendees are stored as cleaned', () => {
    expect(QuickLink.parse({ label: ' Logs\u202E ', url: 'https://logs.example.org' }).label).toBe(
      'Logs',
    )
    const runbook = RunbookInput.parse({
      title: 'Search\u0007 down',
      alarms: ['API\u202E 5xx'],
      firstSteps: ['restart\nthe pods'],
    })
    expect(runbook).toMatchObject({
      title: 'Search down',
      alarms: ['API 5xx'],
      firstSteps: ['restart the pods'],
    })
    expect(() => RunbookInput.parse({ title: '\u202E' })).toThrow('Give the runbook a title.')
    expect(RetroDraft.parse({ attendees: ['Sam\u2066'] }).attendees).toEqual(['Sam'])
  })

  it('dates start at 2000-01-01', () => {
    expect(notTooEarly('2000-01-01T00:00:00Z')).toBe(true)
    expect(notTooEarly('1999-12-31T23:59:59Z')).toBe(false)
    expect(OccurredAt.safeParse('0001-01-01T00:00:00Z').success).toBe(false)
    const refused = OccurredAt.safeParse('1970-01-01T00:00:00Z')
    expect(refused.success ? '' : refused.error.issues[0]!.message).toBe(
      'Dates before 1 January 2000 are not accepted; check the year.',
    )
    expect(OccurredAt.safeParse('2026-11-23T14:02:00Z').success).toBe(true)
  })

  it('one link rule: https and http are links, nothing else is', () => {
    expect(linkKind('https://grafana.example.org/d/1')).toBe('https')
    expect(linkKind('http://intranet.example/x')).toBe('http')
    for (const url of [
      'javascript:alert(1)',
      'smb://host/share',
      'file:///etc/passwd',
      'data:text/html,x',
      'https://',
      'nonsense',
      `https://x.org/${'a'.repeat(4000)}`,
    ]) {
      expect(linkKind(url), url).toBeNull()
    }
  })
})
