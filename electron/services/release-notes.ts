import { remoteText } from '../domain/comms/remote-text'
import { linkKind } from '../domain/incident/input-rules'

/** Release notes longer than this are cut: the full text is on the release page. */
const NOTES_MAX = 4_000

type Notes = string | readonly { version: string; note: string | null }[] | null | undefined

/**
 * A release's notes as plain text. GitHub gives them as HTML: the parser that reads other people's
 * comments on the P2 turns them into text (lists keep their bullets, https links their address in
 * brackets, control and bidi characters dropped), so nothing from the release is ever rendered as
 * markup in the app.
 */
export function releaseNotesText(notes: Notes): string {
  const html =
    typeof notes === 'string'
      ? notes
      : (notes ?? []).map((n) => `<h3>${escapeText(n.version)}</h3>${n.note ?? ''}`).join('')
  const { text } = remoteText(html)
  return text.length > NOTES_MAX ? `${text.slice(0, NOTES_MAX).trimEnd()}…` : text
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)
}

/** The release page, only when it is an https address. */
export function releasePage(url: string | undefined): string | undefined {
  return url && linkKind(url) === 'https' ? url : undefined
}
