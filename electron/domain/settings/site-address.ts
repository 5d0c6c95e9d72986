/**
 * The one rule for the P2's address, used by Connect, by `settings:update`, when reading
 * settings.json and for the links a site answers with. The application password travels with
 * every request, so it may only go over https; plain http is allowed for this machine's own
 * loopback addresses only (a test site), where nothing crosses a network.
 */

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]') return true
  // The URL parser already wrote every IPv4 form (127.1, 0x7f.0.0.1, 2130706433) as dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** What is wrong with a web address by the rule above, in words; null when it passes. */
export function addressProblem(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The site address must start with https://.'
  }
  if (!url.hostname) return 'The site address must name a host (https://…).'
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'The site address must start with https://: the password would travel unencrypted over http.'
  }
  if (url.username || url.password) {
    return 'The site address cannot hold a user name or password; enter them in their own fields.'
  }
  return null
}

/**
 * The site's address as the user typed it, cleaned (no query or fragment, no trailing slash), or
 * the reason it is refused.
 */
export function checkSiteAddress(
  raw: string,
): { ok: true; address: string } | { ok: false; problem: string } {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return { ok: false, problem: 'The site address must be a web address (https://…).' }
  }
  const problem = addressProblem(url)
  if (problem) return { ok: false, problem }
  return { ok: true, address: `${url.origin}${url.pathname.replace(/\/+$/, '')}` }
}
/**
 * What is wrong with a link a site answered with (a post's or a comment's address), by the same
 * rule: https, or http on a loopback host (a test site); null when it passes.
 */
export function siteLinkProblem(link: string): string | null {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return 'it is not a web address'
  }
  if (url.protocol === 'https:') return url.hostname ? null : 'it names no host'
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  return url.protocol === 'http:' ? 'it is not https' : `it is a ${url.protocol} address`
}
