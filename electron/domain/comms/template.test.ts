import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeSlack, runbookLine } from './escape'
import { checkTemplate, renderTemplate } from './template'

describe('templates', () => {
  const values = { title: 'API down', severity: 'Severity 1' }

  it('fills placeholders and keeps literal braces', () => {
    expect(renderTemplate('Incident: {title} ({severity}) {{not a field}}', values)).toEqual({
      ok: true,
      text: 'Incident: API down (Severity 1) {not a field}',
    })
  })

  it('names an unknown placeholder, where it is, and what is known', () => {
    expect(renderTemplate('Line one\nIncident: {titel}', values)).toEqual({
      ok: false,
      error:
        'Unknown placeholder {titel} (line 2, column 11). Known placeholders: {title}, {severity}.',
    })
  })

  it('refuses an unclosed brace and a stray closing one', () => {
    expect(checkTemplate('Incident: {title', ['title'])).toBe(
      'Unclosed brace (line 1, column 11): close it with }, or write {{ for a literal {.',
    )
    expect(checkTemplate('{title {severity}', ['title', 'severity'])).toMatch(/^Unclosed brace/)
    expect(checkTemplate('done }', ['title'])).toBe(
      'A } without its { (line 1, column 6): write }} for a literal }.',
    )
    expect(checkTemplate('{ }', [])).toMatch(/is not a placeholder/)
  })
})

describe('escaping hostile input', () => {
  const hostile =
    '<!channel> <@U123> <https://evil.test|click> <script>alert(1)</script> &amp; `rm -rf` '

  it('Slack: nothing can become a mention or a link', () => {
    const out = escapeSlack(hostile)
    expect(out).not.toMatch(/[<>]/)
    expect(out).toBe(
      '&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.test|click&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; `rm -rf` ',
    )
  })

  it('HTML: nothing can become markup', () => {
    expect(escapeHtml(hostile + '"\'')).toBe(
      '&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.test|click&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; `rm -rf` &quot;&#39;',
    )
  })

  it('keeps very long lines whole', () => {
    const long = 'x'.repeat(20_000)
    expect(escapeSlack(long)).toHaveLength(20_000)
  })
})

describe('runbook line', () => {
  it('is the runbooks’ format, in UTC, on one line', () => {
    expect(runbookLine('2026-11-23T14:02:59.000Z', 'API served 500s\n for all searches')).toBe(
      '- 2026-11-23 at 14:02 UTC: API served 500s for all searches',
    )
  })
})
