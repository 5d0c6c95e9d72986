import { describe, expect, it } from 'vitest'
import { releaseNotesText, releasePage } from './release-notes'

describe('release notes', () => {
  it('turn GitHub HTML into text: lists keep bullets, links their address, scripts vanish', () => {
    const text = releaseNotesText(
      '<h2>Fixes</h2><ul><li>Safer &amp; quieter</li></ul><script>alert(1)</script><p>See <a href="https://example.org/x">the notes</a></p><img src="x" onerror="alert(2)">',
    )
    expect(text).toBe('Fixes\n\n• Safer & quieter\n\nSee the notes (https://example.org/x)')
  })

  it('join the notes of several versions under their versions', () => {
    expect(
      releaseNotesText([
        { version: '1.4.0', note: '<p>New</p>' },
        { version: '1.3.0', note: null },
      ]),
    ).toBe('1.4.0\n\nNew\n\n1.3.0')
  })

  it('link the release page only over https', () => {
    expect(releasePage('https://github.com/o/r/releases/tag/v1.4.0')).toBe(
      'https://github.com/o/r/releases/tag/v1.4.0',
    )
    expect(releasePage('http://github.com/o/r')).toBeUndefined()
    expect(releasePage('javascript:alert(1)')).toBeUndefined()
  })
})
