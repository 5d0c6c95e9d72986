/**
 * Rules for what a person types or an archive brings in, shared by the command inputs, the
 * store's reader and the backup import, so one rule holds everywhere.
 */

/** The longest text a typed field may hold when stored: far above every input limit. */
export const STORED_TEXT_MAX = 100_000
/** A document the app made (a post's whole content): larger, still bounded like a log line. */
export const STORED_DOCUMENT_MAX = 16 * 1024 * 1024

/**
 * The one rule for links: https links are stored and opened; http links are stored, shown and
 * opened only after the user confirms; anything else (javascript:, file:, smb:) is neither.
 */
export function linkKind(url: string): 'https' | 'http' | null {
  if (url.length > 4000) return null
  try {
    const { protocol, hostname } = new URL(url)
    if (!hostname) return null
    if (protocol === 'https:') return 'https'
    if (protocol === 'http:') return 'http'
    return null
  } catch {
    return null
  }
}

export const LINK_RULE = 'must be an https:// or http:// address'

/**
 * Control characters (C0, DEL, C1) and the bidirectional embedding, override and isolate marks
 * (U+202A–U+202E, U+2066–U+2069): in a title they can hide or reverse text in a notification,
 * the tray menu or a post ("‮gnp.exe" reads as "exe.png"). Line breaks become spaces.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** A single-line field as it will be stored: unsafe characters removed, runs of spaces kept. */
export function cleanLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(UNSAFE_IN_LINE, '')
}

/** The earliest date the app accepts anywhere: nothing it tracks happened before 2000. */
export const EARLIEST_DATE = '2000-01-01T00:00:00.000Z'
export const EARLIEST_MESSAGE = 'Dates before 1 January 2000 are not accepted; check the year.'

export function notTooEarly(iso: string): boolean {
  return Date.parse(iso) >= Date.parse(EARLIEST_DATE)
}
