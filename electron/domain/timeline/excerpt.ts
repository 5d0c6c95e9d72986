import { findSecrets } from '../comms/redaction'
import { itemText, type TimelineItem } from './timeline'

/** How much of a pasted log an output quotes: its first lines, at most this long. */
export const EXCERPT_LINES = 2
export const EXCERPT_CHARS = 160

/**
 * What outputs say for an item: its text, except that a pasted log is quoted as a short excerpt
 * (a log pasted whole would bury the update's news under lines of stack trace).
 */
export function publicItemText(item: TimelineItem): string {
  return item.kind === 'paste' ? `Log excerpt: ${logExcerpt(item.text)}` : itemText(item)
}

/**
 * The first non-empty lines of a log on one line ("a / b"), cut at a word near `EXCERPT_CHARS`,
 * with "…" when anything was left out. A cut never falls inside a secret: half a token would no
 * longer look like one to the masking that runs after, and would leave the app.
 */
export function logExcerpt(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  let quoted = lines.slice(0, EXCERPT_LINES).join(' / ')
  let cut = lines.length > EXCERPT_LINES
  if (quoted.length > EXCERPT_CHARS) {
    let end = EXCERPT_CHARS
    for (const secret of findSecrets(quoted)) {
      if (secret.start < end && end < secret.end) end = secret.start
    }
    const space = quoted.lastIndexOf(' ', end)
    if (space > EXCERPT_CHARS / 2 && space < end) end = space
    quoted = quoted.slice(0, end).trimEnd()
    cut = true
  }
  return cut ? `${quoted} …` : quoted
}
