import { describe, expect, it } from 'vitest'
import { needsBackupPrompt, proposeCritical } from './backup-prompt'
import { parseRunbookMarkdown, runbookId, runbooksForAlarm, type Runbook } from './runbooks'

describe('Markdown runbooks', () => {
  it('takes the first # heading and the first list under a steps heading', () => {
    const parsed = parseRunbookMarkdown(
      [
        'Intro text',
        '# API is down',
        'Alarms: API 5xx, api latency',
        '## Background',
        '- not a step',
        '## Immediate response',
        'Do these in order:',
        '1. Check the [status page](https://x.test)',
        '2. Look at **recent deploys**',
        '   and roll back if needed',
        '',
        '3. Post in #incidents',
        'After the list.',
        '- not part of it',
        '## Steps',
        '- later list',
      ].join('\n'),
    )
    expect(parsed).toEqual({
      title: 'API is down',
      alarms: ['API 5xx', 'api latency'],
      firstSteps: [
        'Check the status page',
        'Look at recent deploys and roll back if needed',
        'Post in #incidents',
      ],
    })
  })

  it('accepts "Severity guide" and "First steps", and a file with no steps', () => {
    expect(parseRunbookMarkdown('# A\n### Severity guide\n* one\n* two').firstSteps).toEqual([
      'one',
      'two',
    ])
    expect(parseRunbookMarkdown('# B\n## First steps\n+ go').firstSteps).toEqual(['go'])
    expect(parseRunbookMarkdown('# C\nJust prose.')).toEqual({
      title: 'C',
      firstSteps: [],
      alarms: [],
    })
  })

  it('ignores headings inside code fences', () => {
    expect(parseRunbookMarkdown('```\n# not title\n```\n# Real').title).toBe('Real')
  })

  it('proposes runbooks that cover a typed alarm name', () => {
    const runbooks: Runbook[] = [
      { id: 'api', title: 'API', alarms: ['API 5xx'], firstSteps: [] },
      { id: 'db', title: 'DB', alarms: ['DB CPU high'], firstSteps: [] },
    ]
    expect(runbooksForAlarm(runbooks, 'api  5XX').map((r) => r.id)).toEqual(['api'])
    expect(runbooksForAlarm(runbooks, 'DB CPU').map((r) => r.id)).toEqual(['db'])
    expect(runbooksForAlarm(runbooks, 'db')).toEqual([])
    expect(runbooksForAlarm(runbooks, 'Disk full')).toEqual([])
  })

  it('gives a stable id from the title', () => {
    expect(runbookId('API is down!')).toBe('api-is-down')
    expect(runbookId('***')).toBe('runbook')
  })
})

describe('destructive actions and follow-ups', () => {
  it.each([
    ['restart', true],
    ['delete', true],
    ['rollback', false],
    ['flag-off', false],
    ['other', false],
  ])('asks for a backup before %s: %s', (kind, expected) => {
    expect(needsBackupPrompt(kind)).toBe(expected)
  })

  it('proposes the critical flag for severity 1 and 2 only', () => {
    expect([1, 2, 3, 4].map(proposeCritical)).toEqual([true, true, false, false])
  })
})
