/**
 * The app's own origin. The built renderer is served from a privileged custom scheme, never from
 * file:, so "our page" is one exact origin and path, not any file that happens to be named
 * renderer/index.html (on this disk or on a network share). No 'electron' import: the guards and
 * their tests use it in plain Node.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'incident-tray'
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The app's page: exactly app://incident-tray/index.html (any #hash), or the dev server's origin. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (devServerUrl) {
    // http(s) origins compare exactly, scheme, host and port.
    return parsed.origin !== 'null' && parsed.origin === new URL(devServerUrl).origin
  }
  // A custom scheme has an opaque origin in the URL API: compare its parts.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === '/index.html' &&
    parsed.search === ''
  )
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  png: 'image/png',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
  ico: 'image/x-icon',
}

/** The built renderer's file an app:// request names (relative to its folder), or null. */
export function rendererFile(url: string): { relative: string; type: string } | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  // No way out of the folder: no '..', no backslashes, no NUL, no hidden files.
  const parts = path.split('/').filter(Boolean)
  if (parts.length === 0) return null
  if (parts.some((p) => p === '..' || p.startsWith('.') || /[\\\0:]/.test(p))) return null
  const type = TYPES[parts.at(-1)!.split('.').pop() ?? '']
  if (!type) return null
  return { relative: parts.join('/'), type }
}
