import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PublishFailure } from './http'
import { WordPressClient } from './wordpress'

/** A tiny site that answers every way a real one can go wrong, one path each. */
let server: Server
let base = ''
const hits: Record<string, number> = {}
const stalled: (() => void)[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = new URL(req.url!, 'http://x').searchParams.get('rest_route') ?? ''
    const page = req.url!.split('?')[0]!.replace(/\/$/, '')
    hits[page] = (hits[page] ?? 0) + 1
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    switch (page) {
      case '/login':
        res.writeHead(200, { 'Content-Type': 'text/html' })
        return res.end('<html><form action="/wp-login.php">Password</form></html>')
      case '/401':
        return json(401, { code: 'incorrect_password', message: 'The password is wrong.' })
      case '/403':
        return json(403, { code: 'rest_cannot_create', message: 'Sorry, you are not allowed.' })
      case '/502':
        res.writeHead(502, { 'Content-Type': 'text/html' })
        return res.end('<h1>Bad gateway</h1>')
      case '/away':
        res.writeHead(302, { Location: 'http://example.invalid/wp-json/' })
        return res.end()
      case '/slow':
        // Never answers; released at the end.
        stalled.push(() => res.destroy())
        return
      case '/huge':
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.write('[')
        for (let i = 0; i < 200; i++) res.write(`"${'x'.repeat(10_000)}",`)
        return res.end('"end"]')
      case '/no-api':
        return json(200, { name: 'Not WordPress', namespaces: ['other/v1'] })
      case '/subscriber':
        if (route === '/') return json(200, { name: 'P2', namespaces: ['wp/v2'] })
        return json(200, { name: 'reader', capabilities: { read: true } })
      default:
        return json(404, { code: 'rest_no_route', message: 'No route.' })
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const release of stalled) release()
  await new Promise((r) => server.close(r))
})

const client = (path: string, http = {}) =>
  new WordPressClient({ url: `${base}${path}`, user: 'u', password: 'abcd efgh' }, http)

async function failureOf(p: Promise<unknown>): Promise<PublishFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PublishFailure)
  return err as PublishFailure
}

describe('bad answers become messages in words', () => {
  it('a login page instead of JSON', async () => {
    const f = await failureOf(client('/login').createPost({ title: 't', content: 'c', tags: [] }))
    expect(f.kind).toBe('not-json')
    expect(f.message).toMatch(/login page/)
    expect(f.retry).toBe(false)
  })
  it('401: the password was refused', async () => {
    const f = await failureOf(client('/401').createPost({ title: 't', content: 'c', tags: [] }))
    expect(f.message).toMatch(/refused the password/)
    expect(f.retry).toBe(false)
  })
  it('403: the user lacks the right', async () => {
    const f = await failureOf(client('/403').createPost({ title: 't', content: 'c', tags: [] }))
    expect(f.message).toBe(
      'This user cannot publish posts on the site (WordPress said: Sorry, you are not allowed.).',
    )
  })
  it('5xx with an HTML page: the site had an error, retried later', async () => {
    const f = await failureOf(client('/502').createPost({ title: 't', content: 'c', tags: [] }))
    expect(f.kind).toBe('server')
    expect(f.retry).toBe(true)
    expect(f.message).toMatch(/HTTP 502/)
  })
  it('a redirect to another host is not followed', async () => {
    const f = await failureOf(client('/away').getPost(1))
    expect(f.kind).toBe('redirect')
    expect(f.message).toMatch(/example\.invalid/)
  })
  it('a server that never answers times out, retried later', async () => {
    const f = await failureOf(client('/slow', { timeoutMs: 150 }).getPost(1))
    expect(f.kind).toBe('timeout')
    expect(f.retry).toBe(true)
  })
  it('an oversized answer is cut off', async () => {
    const f = await failureOf(client('/huge', { maxBytes: 100_000 }).getPost(1))
    expect(f.kind).toBe('too-large')
  })
  it('nothing listening: unreachable, retried later', async () => {
    const f = await failureOf(
      new WordPressClient({ url: 'http://127.0.0.1:9', user: 'u', password: 'p' }).getPost(1),
    )
    expect(f.kind).toBe('unreachable')
    expect(f.retry).toBe(true)
  })
  it('no WordPress REST API at this address', async () => {
    expect((await failureOf(client('/no-api').check())).message).toBe(
      'No WordPress REST API at this address.',
    )
    expect((await failureOf(client('/nothing').getPost(1))).message).toBe(
      'No WordPress REST API at this address.',
    )
  })
  it('a user without the right to publish', async () => {
    expect((await failureOf(client('/subscriber').check())).message).toBe(
      'This user cannot publish posts on the site.',
    )
  })
  it('a POST is sent once, never repeated by the client', async () => {
    const before = hits['/502'] ?? 0
    await failureOf(client('/502').createPost({ title: 't', content: 'c', tags: [] }))
    expect(hits['/502']).toBe(before + 1)
  })
})
