import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { golden as readGolden } from '../../testing/golden'
import { renderOutputs } from './outputs'
import { FIXED_VIEW } from './sample'
import type { CommsView } from './view'

const GOLDEN = join(import.meta.dirname, '__golden__')

function golden(name: string, actual: string) {
  expect(actual).toBe(readGolden(GOLDEN, name, actual))
}

describe('communication outputs for one fixed incident', () => {
  const outputs = renderOutputs(FIXED_VIEW)
  const resolvedOnly = ['make-resolved', 'reply-resolved']
  for (const output of outputs.filter((o) => !resolvedOnly.includes(o.id))) {
    it(`${output.id} matches its golden file`, () => {
      const text = [output.title ? `TITLE: ${output.title}\n\n` : '', output.text].join('')
      golden(`${output.id}.txt`, text + '\n')
      if (output.html) golden(`${output.id}.html`, output.html + '\n')
      expect(output.templateError).toBeUndefined()
    })
  }

  it('resolved: the comment gives the solution once, no timeline; Make and reply switch to resolved', () => {
    const resolved = renderOutputs({
      ...FIXED_VIEW,
      status: 'resolved',
      statusLabel: 'Resolved',
      statusTag: '#status-resolved',
      solutionSummary: 'A bad index migration in v2.14.0 was reverted and a test now covers it.',
      announced: {
        to: 'resolved',
        summary: 'A bad index migration in v2.14.0 was reverted and a test now covers it.',
      },
      headline: 'Resolved: A bad index migration in v2.14.0 was reverted and a test now covers it.',
      nextUpdateDue: null,
    })
    const byId = Object.fromEntries(resolved.map((o) => [o.id, o]))
    golden('p2-comment-resolved.txt', byId['p2-comment']!.text + '\n')
    golden(
      'make-resolved.txt',
      `TITLE: ${byId['make-resolved']!.title}\n\n${byId['make-resolved']!.text}\n`,
    )
    golden('make-resolved.html', byId['make-resolved']!.html + '\n')
    golden('reply-resolved.txt', byId['reply-resolved']!.text + '\n')
    expect(byId['make-resolved']).toMatchObject({
      applicable: true,
      title: expect.stringMatching(/^Resolved:/),
    })
    expect(byId['make-investigating']!.applicable).toBe(false)
    expect(byId['reply-resolved']!.applicable).toBe(true)
  })

  it('reviewed: the comment names the root cause and the action items with their links', () => {
    const reviewed = renderOutputs({
      ...FIXED_VIEW,
      status: 'reviewed',
      statusLabel: 'Reviewed',
      statusTag: '#status-reviewed',
      solutionSummary: 'A bad index migration in v2.14.0 was reverted and a test now covers it.',
      sinceLastUpdate: [],
      announced: { to: 'reviewed', summary: null },
      headline: 'Reviewed: the retrospective is done.',
      nextUpdateDue: null,
      rootCauses: ['New settings are not checked against production before a deploy.'],
      actionItems: [
        {
          title: 'Check new settings against production in CI',
          url: 'https://github.com/WordPress/openverse/issues/4100',
        },
        { title: 'Give silenced alerts an end date', url: null },
      ],
    })
    const comment = reviewed.find((o) => o.id === 'p2-comment')!.text
    golden('p2-comment-reviewed.txt', comment + '\n')
    expect(comment).toContain('Root cause: New settings are not checked')
    expect(comment).toContain('https://github.com/WordPress/openverse/issues/4100')
    expect(comment).not.toContain('A bad index migration')
    expect(comment).not.toContain('Timeline')
  })

  it('P2 post without links: no empty "## Links" section; with a custom template, its own heading is kept', () => {
    const post = (view: CommsView, templates = {}) =>
      renderOutputs(view, templates).find((o) => o.id === 'p2-post')!
    const bare = post({ ...FIXED_VIEW, links: [] })
    expect(bare.text).not.toContain('## Links')
    expect(bare.text).not.toContain('None yet')
    expect(bare.text).toMatch(/## Impact\n.+\n\n## Timeline \(UTC\)/)
    expect(bare.html).not.toContain('Links')
    expect(post(FIXED_VIEW).text).toContain('## Links\n- Grafana: API 5xx: https://')
    // A template the user wrote with its own heading still reads as a sentence under it.
    const custom = post({ ...FIXED_VIEW, links: [] }, { p2Post: '{title}\n\n## Links\n{links}' })
    expect(custom.text).toBe('API returns 500 for all searches\n\n## Links\nNone yet.')
  })

  it('Slack: @here only for Severity 1 and only when asked', () => {
    const slack = (view: CommsView, here: boolean) =>
      renderOutputs(view, {}, here).find((o) => o.id === 'slack')!.text
    expect(slack(FIXED_VIEW, true).startsWith('@here *Severity 1 incident')).toBe(true)
    expect(slack(FIXED_VIEW, false).startsWith('*Severity 1 incident')).toBe(true)
    const sev2 = { ...FIXED_VIEW, severityLevel: 2, severityLabel: 'Severity 2' }
    expect(slack(sev2, true).startsWith('*Severity 2 incident')).toBe(true)
  })

  it('Slack: pasted into the composer as typed (no HTML entities), mrkdwn intact; P2 HTML escaped', () => {
    const hostile = {
      ...FIXED_VIEW,
      title: 'Search & thumbnails <down>',
      impact: 'R&D proxy fails; see https://grafana.example.org/d/x?a=1&b=2 ' + 'y'.repeat(5000),
    }
    const text = renderOutputs(hostile, {}, false).find((o) => o.id === 'slack')!.text
    expect(text).not.toContain('&amp;')
    expect(text).not.toContain('&lt;')
    expect(text).toContain('*Severity 1 incident: Search & thumbnails <down>*')
    // Links stay plain URLs, which the composer turns into links itself.
    expect(text).toContain('https://grafana.example.org/d/x?a=1&b=2')
    expect(text).toContain('y'.repeat(5000))
    const withScript = { ...FIXED_VIEW, impact: '<script>x</script>' }
    const html = renderOutputs(withScript).find((o) => o.id === 'p2-post')!.html!
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;')
  })

  it('Signal is for Severity 1; the stabilization issue is critical for 1 and 2 only', () => {
    const sev3 = renderOutputs({ ...FIXED_VIEW, severityLevel: 3, severityLabel: 'Severity 3' })
    expect(sev3.find((o) => o.id === 'signal')!.applicable).toBe(false)
    expect(sev3.find((o) => o.id === 'github-stabilize')!.labels).toEqual([])
    expect(renderOutputs(FIXED_VIEW).find((o) => o.id === 'github-stabilize')!.labels).toEqual([
      'critical',
    ])
  })

  it('a broken template falls back to the default and says why', () => {
    const out = renderOutputs(FIXED_VIEW, { slack: '{here}*{titel}*', p2Title: 'Incident: {title' })
    const slack = out.find((o) => o.id === 'slack')!
    expect(slack.templateError).toMatch(/^Unknown placeholder \{titel\}/)
    expect(slack.text).toBe(renderOutputs(FIXED_VIEW).find((o) => o.id === 'slack')!.text)
    expect(out.find((o) => o.id === 'p2-post')!.templateError).toMatch(/^Unclosed brace/)
    expect(out.find((o) => o.id === 'p2-post')!.title).toBe(
      'Incident: API returns 500 for all searches',
    )
  })
})

describe('shift handoff', () => {
  it('lists every active incident with status, lead, what is pending and the next update', async () => {
    const { renderHandoff } = await import('./handoff')
    const second: CommsView = {
      ...FIXED_VIEW,
      title: 'Thumbnails slow for Flickr images',
      severityLevel: 3,
      severityLabel: 'Severity 3',
      status: 'pending',
      statusLabel: 'Stabilization pending',
      lead: null,
      p2Url: null,
      nextUpdateDue: '2026-11-24T09:00:00.000Z',
    }
    const text = renderHandoff(
      [{ ...FIXED_VIEW, pending: ['1 alarm still silenced (API 5xx)'] }, second],
      '2026-11-23T16:00:00.000Z',
    )
    golden('handoff.txt', text + '\n')
    expect(renderHandoff([], '2026-11-23T16:00:00.000Z')).toBe(
      'Shift handoff, 2026-11-23 at 16:00 UTC: no active incidents.',
    )
  })
})
