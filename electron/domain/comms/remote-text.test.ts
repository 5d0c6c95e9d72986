import { describe, expect, it } from 'vitest'
import { CUT_NOTE, keptLink, REMOTE_TEXT_MAX, remoteName, remoteText } from './remote-text'

describe("someone else's comment as plain text", () => {
  it('keeps words and line breaks, drops scripts and styles, decodes entities', () => {
    const { text, cut } = remoteText(
      '<p>Search is back &amp; <b>fast</b>.</p><script>alert(1)</script><style>p{}</style><p>Watching&nbsp;it.</p>',
    )
    expect(text).toBe('Search is back & fast.\n\nWatching it.')
    expect(cut).toBe(false)
  })

  it('keeps https links after their words, drops javascript:, data: and http to the network', () => {
    const { text } = remoteText(
      '<a href="https://grafana.example/d/1">graph</a> <a href="javascript:alert(1)">click</a> <a href="data:text/html,x">d</a> <a href="http://evil.example/">e</a>',
    )
    expect(text).toBe('graph (https://grafana.example/d/1) click d e')
    expect(text).not.toContain('javascript')
    expect(text).not.toContain('evil.example')
  })

  it('http only to this machine (a test site), as the address rule says', () => {
    expect(keptLink('http://127.0.0.1:8089/?p=3')).toBe('http://127.0.0.1:8089/?p=3')
    expect(keptLink('http://example.org/')).toBeNull()
    expect(keptLink('https://user:pw@example.org/')).toBeNull()
  })

  it('strips control and bidirectional characters', () => {
    const { text } = remoteText('file\u202egnp.exe\u0007 ok\u200b')
    expect(text).toBe('filegnp.exe ok')
  })

  it('cuts a comment over 64 KB with a note, never mid-character', () => {
    const { text, cut } = remoteText(`<p>${'x'.repeat(REMOTE_TEXT_MAX - 1)}😀 and more</p>`)
    expect(cut).toBe(true)
    expect(text.endsWith(CUT_NOTE)).toBe(true)
    expect(text.length).toBeLessThanOrEqual(REMOTE_TEXT_MAX + CUT_NOTE.length + 1)
    expect(text).not.toMatch(/[\ud800-\udbff]\n/)
  })

  it('a name is one short line of text', () => {
    expect(remoteName('<b>Alex</b>\n\u202eX')).toBe('Alex X')
    expect(remoteName(42)).toBe('')
  })
})
