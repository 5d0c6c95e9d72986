import { Parser } from 'htmlparser2'
import { isLoopbackHost } from '../settings/site-address'

/** A comment longer than this is cut, with a note (64 KB of text). */
export const REMOTE_TEXT_MAX = 64 * 1024

export const CUT_NOTE = '… [cut here: the comment is longer than 64 KB; read it whole on the P2]'

/** Elements whose content is never text for a reader: scripts, styles, embedded documents. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'textarea',
  'select',
])

/** Elements that end a line. */
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'hr',
  'figure',
  'figcaption',
  'section',
  'article',
])

/**
 * C0 and C1 controls but the line break and tab, DEL, zero-width and bidirectional marks: in
 * someone else's comment they can hide or reverse text (a right-to-left override turns "gnp.exe" into a name that reads as ".png").
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * A link kept from someone else's comment: https only, or http to a loopback host (a test site on
 * this machine), as the address rule allows for the site itself. Anything else (javascript:,
 * data:, file:, http to the network) is dropped and its text kept.
 */
export function keptLink(href: string | undefined): string | null {
  if (!href || href.length > 2000) return null
  try {
    const url = new URL(href)
    if (url.username || url.password) return null
    if (url.protocol === 'https:' && url.hostname) return url.href
    if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url.href
    return null
  } catch {
    return null
  }
}

export interface RemoteText {
  text: string
  cut: boolean
}

/**
 * Someone else's HTML (a comment on the P2, a release's notes) as plain text, through a real HTML parser (htmlparser2) with an allow-list:
 * text and line breaks; a kept link's address after its words; nothing else. Never a regular
 * expression over markup: a comment can hold anything.
 */
export function remoteText(html: string): RemoteText {
  let out = ''
  let skipping = 0
  const links: (string | null)[] = []
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) skipping++
        if (name === 'a') links.push(keptLink(attrs.href))
        // A list item keeps its bullet, so a list still reads as one.
        if (name === 'li') out += '\n• '
        else if (BLOCKS.has(name)) out += '\n'
      },
      ontext(data) {
        if (skipping === 0) out += data
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1)
        if (name === 'a') {
          const href = links.pop()
          if (href && !out.endsWith(href)) out += ` (${href})`
        }
        if (BLOCKS.has(name)) out += '\n'
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  return capped(cleanText(out))
}

/** Unsafe characters out, spaces and blank lines collapsed, at most one empty line in a row. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function capped(text: string): RemoteText {
  if (text.length <= REMOTE_TEXT_MAX) return { text, cut: false }
  // Never split a surrogate pair.
  let end = REMOTE_TEXT_MAX
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return { text: `${text.slice(0, end)}\n${CUT_NOTE}`, cut: true }
}

/** Plain text from a site's field that should be text already (a name, a tag): cleaned, short. */
export function remoteName(value: unknown, max = 200): string {
  if (typeof value !== 'string') return ''
  return cleanText(remoteText(value).text.replace(/\n/g, ' ')).slice(0, max)
}
