import { describe, expect, it } from 'vitest'
import { runbooksForAlarm, type Runbook } from '../domain/settings/runbooks'
import { parseRunbookMarkdown } from './runbook-markdown'

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

  it('keeps the characters of alarm names and steps: underscores, dots, code', () => {
    const parsed = parseRunbookMarkdown(
      [
        '# API errors',
        'Alarms: api_5xx_rate, `api_p99_latency`; db__pool',
        '## Steps',
        '1. Run `scale_up.sh --replicas 4`',
        '2. Check my_service_name in the logs',
        '3. Page *the* database owner',
      ].join('\n'),
    )
    expect(parsed.alarms).toEqual(['api_5xx_rate', 'api_p99_latency', 'db__pool'])
    expect(parsed.firstSteps).toEqual([
      'Run scale_up.sh --replicas 4',
      'Check my_service_name in the logs',
      'Page the database owner',
    ])
    const runbook: Runbook = {
      id: 'api',
      title: 'API errors',
      alarms: parsed.alarms,
      firstSteps: [],
    }
    expect(runbooksForAlarm([runbook], 'api_5xx_rate').map((r) => r.id)).toEqual(['api'])
  })

  it('hides what is in ``` and ~~~ fences, one kind not closing the other', () => {
    const parsed = parseRunbookMarkdown(
      [
        '~~~',
        '# not the title',
        '```',
        'Alarms: not_an_alarm',
        '~~~',
        '# Real title',
        '```sh',
        '## Steps',
        '- not a step',
        '~~~',
        '```',
        '## Steps',
        '- the step',
      ].join('\n'),
    )
    expect(parsed).toEqual({ title: 'Real title', alarms: [], firstSteps: ['the step'] })
  })

  it('reads an underlined (setext) title and steps heading', () => {
    const parsed = parseRunbookMarkdown(
      [
        'Search is down',
        '==============',
        '',
        'First steps',
        '-----------',
        '- restart_es.sh',
      ].join('\n'),
    )
    expect(parsed).toEqual({ title: 'Search is down', alarms: [], firstSteps: ['restart_es.sh'] })
  })

  it('keeps a nested list and an indented code block with their step', () => {
    const parsed = parseRunbookMarkdown(
      [
        '# DB',
        '## Steps',
        '1. Check the dashboards',
        '   - api_latency',
        '   - error rate',
        '2. Fail over:',
        '',
        '   ```',
        '   failover.sh db-2',
        '   ```',
        '3. Post in #incidents',
      ].join('\n'),
    )
    expect(parsed.firstSteps).toEqual([
      'Check the dashboards (api_latency; error rate)',
      'Fail over: failover.sh db-2',
      'Post in #incidents',
    ])
  })
})
