/**
 * The renderer's Content Security Policy: only the app's own scripts and styles, images from the
 * app or inline data (attachments), no network, no frames, no plugins. renderer/index.html carries
 * it in a meta tag (a test checks they are equal).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')
