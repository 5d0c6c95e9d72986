/**
 * The one way publishing talks to a site: Node's fetch (undici) with a timeout and a cap on the
 * answer's size, JSON only, redirects followed only on the same host. Every way a site can
 * answer badly becomes a PublishFailure with a message in words; `retry` says whether trying
 * again later can help (the site is down or slow) or a person must act (a refused password).
 */

export type FailureKind =
  | 'unreachable'
  | 'timeout'
  | 'too-large'
  | 'redirect'
  | 'not-json'
  | 'refused'
  | 'forbidden'
  | 'not-found'
  | 'server'
  | 'rejected'

export class PublishFailure extends Error {
  readonly kind: FailureKind
  readonly retry: boolean
  readonly status?: number
  /** WordPress's own error code (`rest_cannot_create`, …) when it gave one. */
  readonly wpCode?: string
  constructor(
    kind: FailureKind,
    message: string,
    extra: { retry?: boolean; status?: number; wpCode?: string } = {},
  ) {
    super(message)
    this.name = 'PublishFailure'
    this.kind = kind
    this.retry = extra.retry ?? false
    if (extra.status !== undefined) this.status = extra.status
    if (extra.wpCode !== undefined) this.wpCode = extra.wpCode
  }
}

export interface HttpOptions {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: unknown
  /** Default 15 s. */
  timeoutMs?: number
  /** Default 2 MB: a REST answer about one post is a few kilobytes. */
  maxBytes?: number
}

export interface JsonAnswer {
  status: number
  json: unknown
  headers: Headers
}

const MAX_REDIRECTS = 3

/** GETs or POSTs JSON; throws PublishFailure for every answer that is not JSON from the site. */
export async function requestJson(url: string, options: HttpOptions = {}): Promise<JsonAnswer> {
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxBytes = options.maxBytes ?? 2_000_000
  let target = new URL(url)
  const origin = target.origin
  for (let hop = 0; ; hop++) {
    const signal = AbortSignal.timeout(timeoutMs)
    let res: Response
    try {
      res = await fetch(target, {
        method: options.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers,
        },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        redirect: 'manual',
        signal,
      })
    } catch (err) {
      throw networkFailure(err, target, timeoutMs)
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel()
      const next = new URL(res.headers.get('location')!, target)
      if (next.origin !== origin) {
        throw new PublishFailure(
          'redirect',
          `The site sent the request on to another address (${next.host}); check the site address in Settings → Publishing.`,
        )
      }
      // A POST turned into a GET by a redirect would lose what was sent: refuse it.
      if (hop >= MAX_REDIRECTS || (options.method ?? 'GET') !== 'GET') {
        throw new PublishFailure(
          'redirect',
          `The site redirected the request (to ${next.pathname}); check the site address in Settings → Publishing.`,
        )
      }
      target = next
      continue
    }
    const text = await readCapped(res, maxBytes, signal, timeoutMs, target)
    const type = res.headers.get('content-type') ?? ''
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw notJson(res.status, type, text)
    }
    return { status: res.status, json, headers: res.headers }
  }
}

function notJson(status: number, type: string, text: string): PublishFailure {
  if (status >= 500) return serverFailure(status)
  const html = /html/i.test(type) || /^\s*</.test(text)
  const login = html && /wp-login|log ?in|password/i.test(text)
  return new PublishFailure(
    'not-json',
    login
      ? 'The site answered with a login page instead of the WordPress API: a login wall or proxy sits in front of it.'
      : html
        ? `The site answered with a web page (HTTP ${status}), not the WordPress API: no WordPress REST API at this address?`
        : `The site's answer (HTTP ${status}) was not JSON: no WordPress REST API at this address?`,
    { status },
  )
}

export function serverFailure(status: number): PublishFailure {
  return new PublishFailure(
    'server',
    `The site had an error (HTTP ${status}); it will be tried again.`,
    { retry: true, status },
  )
}

function networkFailure(err: unknown, target: URL, timeoutMs: number): PublishFailure {
  const name = err instanceof Error ? err.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new PublishFailure(
      'timeout',
      `The site did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}; it will be tried again.`,
      { retry: true },
    )
  }
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : ''
  return new PublishFailure(
    'unreachable',
    `Could not reach ${target.host}${cause ? ` (${cause})` : ''}; it will be tried again.`,
    { retry: true },
  )
}

async function readCapped(
  res: Response,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
  target: URL,
): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await res.body?.cancel()
    throw tooLarge(maxBytes)
  }
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        throw tooLarge(maxBytes)
      }
      chunks.push(value)
    }
  } catch (err) {
    if (err instanceof PublishFailure) throw err
    throw networkFailure(signal.aborted ? signal.reason : err, target, timeoutMs)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function tooLarge(maxBytes: number): PublishFailure {
  return new PublishFailure(
    'too-large',
    `The site's answer was larger than ${Math.round(maxBytes / 1_000_000)} MB; that is not the WordPress API answering.`,
  )
}
