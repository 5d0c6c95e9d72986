import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { golden as readGolden } from '../../testing/golden'
import { FIXED_VIEW } from '../comms/sample'
import { RetroDraft } from './draft'
import type { PostmortemInput } from './postmortem'
import { renderPostmortem } from '../../services/postmortem'

const GOLDEN = join(import.meta.dirname, '__golden__')

function golden(name: string, actual: string) {
  expect(actual).toBe(readGolden(GOLDEN, name, actual))
}

/** The fixed Severity 1 outage, after its retrospective: two chains, three action items. */
export const FIXED_RETRO = RetroDraft.parse({
  attendees: ['Sam', 'Dana', 'Alex'],
  date: '2026-11-24',
  keyMoments: [],
  chains: [
    {
      id: 'c1',
      problem: 'Every search answered 500 for 29 minutes',
      whys: [
        {
          id: 'w1',
          question: 'Why did every search answer 500?',
          answer: 'The API crashed on each request after deploy v2.14.0.',
        },
        {
          id: 'w2',
          question: 'Why did it crash?',
          answer: 'v2.14.0 read a setting, SEARCH_TIMEOUT, that production did not have.',
        },
        {
          id: 'w3',
          question: 'Why was the missing setting not caught before production?',
          answer: 'Staging sets every variable by hand, so it never lacks one.',
        },
      ],
      rootCause: 'New settings are not checked against production before a deploy.',
    },
    {
      id: 'c2',
      problem: 'A user told us before any alert did',
      whys: [
        {
          id: 'w4',
          question: 'Why did no alert fire?',
          answer: 'The 5xx alert is silenced at night since the October noise.',
        },
      ],
      rootCause: 'Silenced alerts have no end date, so they stay silenced.',
    },
  ],
  workedWell: 'The rollback took four minutes.\n- The runbook’s rollback steps were right.',
  failed: 'We learned of the outage from a user, 12 minutes in.',
  actions: [
    {
      id: 'a1',
      title: 'Check new settings against production in CI',
      owner: 'Dana',
      due: '2026-12-01',
      type: 'preventative',
      category: 'tests',
      issueUrl: 'https://github.com/WordPress/openverse/issues/5001',
    },
    {
      id: 'a2',
      title: 'Give silenced alerts an end date',
      owner: 'Alex',
      due: '2026-12-05',
      type: 'detective',
      category: 'monitoring',
    },
    {
      id: 'a3',
      title: 'Add <SEARCH_TIMEOUT> to production & staging',
      owner: 'Sam',
      type: 'corrective',
      category: 'deployment',
      done: true,
    },
  ],
  processImprovements: 'Post the Slack message before the P2 post: Slack is where people look.',
})

export const FIXED_POSTMORTEM: PostmortemInput = {
  view: {
    ...FIXED_VIEW,
    status: 'reviewed',
    statusLabel: 'Reviewed',
    statusTag: '#status-reviewed',
  },
  retro: FIXED_RETRO,
  keyMoments: [],
  completedAt: '2026-11-24T10:00:00.000Z',
}

describe('postmortem', () => {
  it('matches the golden Markdown and HTML', () => {
    const doc = renderPostmortem(FIXED_POSTMORTEM)
    golden('postmortem.md', doc.markdown)
    golden('postmortem.html', doc.html)
  })

  it('has every heading of seed 004 in order', () => {
    const { markdown } = renderPostmortem(FIXED_POSTMORTEM)
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(headings).toEqual([
      'Summary',
      'Impact',
      'Timeline (UTC)',
      'Root cause',
      '5 whys',
      'What worked well',
      'What failed',
      'Action items',
      'Process improvements',
    ])
  })

  it('escapes everything typed in the HTML', () => {
    const { html } = renderPostmortem(FIXED_POSTMORTEM)
    expect(html).toContain('Add &lt;SEARCH_TIMEOUT&gt; to production &amp; staging')
    expect(html).not.toContain('<SEARCH_TIMEOUT>')
  })

  it('escapes everything typed in the Markdown, and links only https in the HTML', () => {
    const hostile: PostmortemInput = {
      ...FIXED_POSTMORTEM,
      view: {
        ...FIXED_POSTMORTEM.view,
        title: 'Search <img src=x onerror=alert(1)> down',
        impact: '<script>alert(2)</script> [x](javascript:alert(3))',
        mitigationSummary: 'Rolled back [it](javascript:alert(4))',
        lead: '<b>Dana</b>',
        p2Url: 'javascript:alert(5)',
      },
      retro: {
        ...FIXED_RETRO,
        attendees: ['<i>Sam</i>', '[Dana](javascript:alert(6))'],
        chains: [
          {
            id: 'c1',
            problem: '<u>Down</u>',
            whys: [{ id: 'w1', question: 'Why <em>?', answer: '[b](javascript:alert(7))' }],
            rootCause: '<img src=z onerror=alert(8)>',
          },
        ],
        workedWell: '- [x](javascript:alert(9)) worked',
        actions: [
          {
            ...FIXED_RETRO.actions[0]!,
            title: '[t](javascript:1)',
            owner: '<o>',
            issueUrl: 'javascript:alert(10)',
          },
          { ...FIXED_RETRO.actions[1]!, issueUrl: 'http://tracker.example.org/1' },
        ],
      },
    }
    const { markdown, html } = renderPostmortem(hostile)
    expect(rawMarkup(markdown)).toEqual([])
    expect(markdown).toContain('# Postmortem: Search \\<img src=x onerror=alert(1)\\> down')
    expect(markdown).toContain('[t\\](javascript:1)')
    // No link but https becomes an href; the text still says where it pointed.
    expect(html).not.toMatch(/href="(?!https:)/)
    expect(html).toContain('javascript:alert(10)')
    expect(html).toContain('http://tracker.example.org/1')
  })

  it('shows only the picked key moments when some were picked', () => {
    const moment = FIXED_VIEW.timeline[2]!
    const { markdown } = renderPostmortem({ ...FIXED_POSTMORTEM, keyMoments: [moment] })
    const timeline = markdown.split('## Timeline (UTC)')[1]!.split('## Root cause')[0]!
    expect(timeline.trim()).toBe('- 2026-11-23 at 14:05 UTC: Rolled back the API to v2.13.2')
  })

  it('says "Nothing recorded." for an empty draft instead of blank sections', () => {
    const { markdown } = renderPostmortem({
      ...FIXED_POSTMORTEM,
      retro: RetroDraft.parse({}),
      completedAt: null,
    })
    expect(markdown).toContain('Retrospective not held yet (draft).')
    expect(markdown.match(/Nothing recorded\./g)).toHaveLength(6)
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
