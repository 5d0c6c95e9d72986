/**
 * Rules for what a person types or an archive brings in, shared by the command inputs, the
 * store's reader and the backup import, so one rule holds everywhere.
 */

/** The longest text any stored field may hold: far above every input limit, far below a bomb. */
export const STORED_TEXT_MAX = 100_000

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
