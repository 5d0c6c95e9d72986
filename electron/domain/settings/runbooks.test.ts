import { describe, expect, it } from 'vitest'
import { needsBackupPrompt, proposeCritical } from './backup-prompt'
import { runbookId, runbooksForAlarm, type Runbook } from './runbooks'

describe('Markdown runbooks', () => {
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
