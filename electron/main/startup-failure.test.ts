import { describe, expect, it } from 'vitest'
import { describeFailure, FAILURE_LINKS, failurePageHtml } from './startup-failure'

describe('the start-up failure page', () => {
  it('says what failed, where, and where the data folder is, with both actions', () => {
    const html = failurePageHtml(
      describeFailure('opening the incident logs', new Error('EACCES: permission denied'), '/d'),
    )
    expect(html).toContain('It failed while opening the incident logs:')
    expect(html).toContain('EACCES: permission denied')
    expect(html).toContain('<code>/d</code>')
    expect(html).toContain(`href="${FAILURE_LINKS.openFolder}">Open folder</a>`)
    expect(html).toContain(`href="${FAILURE_LINKS.quit}">Quit</a>`)
  })

  it('escapes what the error says, so a path or message cannot inject markup', () => {
    const html = failurePageHtml(describeFailure('x', '<img src=x onerror=alert(1)>', '/a&b'))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('/a&amp;b')
  })
})
