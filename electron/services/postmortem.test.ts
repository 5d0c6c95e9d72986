import { describe, expect, it } from 'vitest'
import { FIXED_VIEW } from '../domain/comms/sample'
import { RetroDraft } from '../domain/retro/draft'
import type { PostmortemInput } from '../domain/retro/postmortem'
import { renderPostmortem } from './postmortem'

const RETRO = RetroDraft.parse({
  attendees: ['Sam', 'Dana'],
  date: '2026-11-24',
  chains: [
    {
      id: 'c1',
      problem: 'Every search answered 500',
      whys: [{ id: 'w1', question: 'Why did it crash?', answer: 'A missing setting.' }],
      rootCause: '',
    },
  ],
  workedWell: 'The rollback took four minutes.\n- The runbook’s steps were right.',
  actions: [
    {
      id: 'a1',
      title: 'Check new settings in CI',
      owner: 'Dana',
      issueUrl: 'https://github.com/WordPress/openverse/issues/5001',
    },
    { id: 'a2', title: 'Add <SEARCH_TIMEOUT> to production & staging', owner: 'Sam', done: true },
    { id: 'a3', title: 'Date silenced alerts', owner: 'Alex' },
  ],
})
// An address from an older draft or a backup: shown as text, never a link.
RETRO.actions[2]!.issueUrl = 'http://tracker.example.org/1'
const INPUT: PostmortemInput = {
  view: FIXED_VIEW,
  retro: RETRO,
  keyMoments: [],
  completedAt: '2026-11-24T10:00:00.000Z',
}

/** What a reader sees of the HTML: its text, tags dropped, entities read. */
const seen = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

/** What a reader sees of the Markdown: each line without its markup and escapes. */
const lines = (md: string) =>
  md
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*(?:#+|-\s\[[ x]\]|-|\d+\.)\s/, '')
        .replace(/\\(.)/g, '$1')
        .trim(),
    )
    .filter(Boolean)

describe('the postmortem HTML is its Markdown, rendered', () => {
  it('says every line of the Markdown, in the same order', () => {
    const { markdown, html } = renderPostmortem(INPUT)
    const text = seen(html)
    let from = 0
    for (const line of lines(markdown)) {
      const at = text.indexOf(line, from)
      expect(at, line).toBeGreaterThanOrEqual(from)
      from = at + line.length
    }
  })

  it('shows action items as ☐ and ☑, with only https issue links', () => {
    const { html } = renderPostmortem(INPUT)
    expect(html).toContain('<li>☐ Check new settings in CI')
    expect(html).toContain('<a href="https://github.com/WordPress/openverse/issues/5001">')
    expect(html).toContain('<li>☑ Add &lt;SEARCH_TIMEOUT&gt;')
    expect(html).toContain('http://tracker.example.org/1')
    expect(html).not.toContain('href="http://')
    expect(html).toContain('<a href="https://make.wordpress.org/openverse/2026/11/23/')
  })

  it('keeps raw HTML typed in the retro as text', () => {
    const { html } = renderPostmortem({
      ...INPUT,
      retro: { ...RETRO, workedWell: '<script>alert(1)</script> **bold** <b>x</b>' },
    })
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script|<b>x/)
  })
})
