import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A small WordPress REST API in memory (posts, tags, comments, users/me) on 127.0.0.1, for the
 * publisher's unit tests: it can be down, answer 5xx, or take a post and never answer (the
 * timeout after the server accepted). The happy paths are also tested against a real WordPress.
 */
export interface FakeWordPress {
  url: string
  /** Posts by user 1 (the signed-in user) unless a test adds another author's. */
  posts: { id: number; title: string; content: string; tags: number[]; author?: number }[]
  /** `date` is the site's (UTC) time of the comment; `author_name` who wrote it. */
  comments: { id: number; post: number; content: string; date?: string; author_name?: string }[]
  tags: { id: number; slug: string }[]
  /**
   * 'ok'; every request refused at the socket; a 503; creates accepted but never answered; or
   * every request answered with a login page, a 401, a 403, a redirect to another host, or 3 MB.
   */
  mode:
    | 'ok'
    | 'down'
    | 'error'
    | 'accept-then-hang'
    | 'login-page'
    | '401'
    | '403'
    | 'redirect'
    | 'huge'
  requests: string[]
  /** The address the site answers for a post (default `<url>/?p=<id>`). */
  linkOf?: (id: number) => string
  /** The requests that carried an `Authorization` header (a password), in the same form. */
  signedIn: string[]
  close(): Promise<void>
}

export async function fakeWordPress(): Promise<FakeWordPress> {
  let next = 100
  const hung: ServerResponse[] = []
  const site: Omit<FakeWordPress, 'close'> = {
    url: '',
    posts: [],
    comments: [],
    tags: [],
    mode: 'ok',
    requests: [],
    signedIn: [],
  }
  const server = createServer((req, res) => {
    void body(req).then((raw) => handle(req, res, raw))
  })
  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url!, 'http://x')
    const route = url.searchParams.get('rest_route') ?? '/'
    site.requests.push(`${req.method} ${route}`)
    if (req.headers.authorization !== undefined) site.signedIn.push(`${req.method} ${route}`)
    if (site.mode === 'down') return res.destroy()
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(value))
    }
    if (site.mode === 'error') return json(503, { code: 'down', message: 'Maintenance' })
    if (site.mode === 'login-page') {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      return res.end(
        '<html><body><form action="/wp-login.php">Username Password</form></body></html>',
      )
    }
    if (site.mode === '401')
      return json(401, { code: 'incorrect_password', message: 'The provided password is invalid.' })
    if (site.mode === '403')
      return json(403, {
        code: 'rest_cannot_create',
        message: 'Sorry, you are not allowed to create posts as this user.',
      })
    if (site.mode === 'redirect') {
      res.writeHead(302, { Location: 'https://sso.example.invalid/login' })
      return res.end()
    }
    if (site.mode === 'huge') return json(200, ['x'.repeat(3_000_000)])
    const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    const link = (id: number) => site.linkOf?.(id) ?? `${site.url}/?p=${id}`
    const postJson = (p: FakeWordPress['posts'][number]) => ({
      id: p.id,
      link: link(p.id),
      title: { raw: p.title, rendered: p.title },
      content: { raw: p.content, rendered: p.content },
      tags: p.tags,
      modified_gmt: '2026-01-01T00:00:00',
    })
    const hangIfAsked = () => {
      if (site.mode !== 'accept-then-hang') return false
      hung.push(res)
      return true
    }
    let m: RegExpMatchArray | null
    if (route === '/') return json(200, { name: 'Fake P2', namespaces: ['wp/v2'] })
    if (route === '/wp/v2/users/me')
      return json(200, {
        id: 1,
        name: 'oncall',
        capabilities: { publish_posts: true, manage_categories: true, edit_posts: true },
      })
    if (route === '/wp/v2/tags' && req.method === 'GET') {
      const slug = url.searchParams.get('slug')
      const include = url.searchParams.get('include')?.split(',').map(Number)
      return json(
        200,
        site.tags.filter((t) => (slug ? t.slug === slug : include ? include.includes(t.id) : true)),
      )
    }
    if (route === '/wp/v2/tags') {
      const tag = { id: next++, slug: String(input.slug ?? input.name) }
      site.tags.push(tag)
      return json(201, tag)
    }
    if (route === '/wp/v2/posts' && req.method === 'GET') {
      const search = url.searchParams.get('search') ?? ''
      const author = url.searchParams.get('author')
      return json(
        200,
        site.posts
          .filter((p) => p.content.includes(search))
          .filter((p) => author === null || (p.author ?? 1) === Number(author))
          .map(postJson),
      )
    }
    if (route === '/wp/v2/posts') {
      const post = {
        id: next++,
        title: String(input.title),
        content: String(input.content),
        tags: (input.tags as number[]) ?? [],
      }
      site.posts.push(post)
      if (hangIfAsked()) return
      return json(201, postJson(post))
    }
    if ((m = route.match(/^\/wp\/v2\/posts\/(\d+)$/))) {
      const post = site.posts.find((p) => p.id === Number(m![1]))
      if (!post) return json(404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.' })
      if (req.method === 'POST') {
        if (input.title !== undefined) post.title = String(input.title)
        if (input.content !== undefined) post.content = String(input.content)
        if (input.tags !== undefined) post.tags = input.tags as number[]
      }
      return json(200, postJson(post))
    }
    if (route === '/wp/v2/comments' && req.method === 'GET') {
      const search = url.searchParams.get('search') ?? ''
      const post = Number(url.searchParams.get('post'))
      const after = url.searchParams.get('after')
      const include = url.searchParams.get('include')?.split(',').map(Number)
      const date = (c: FakeWordPress['comments'][number]) => c.date ?? '2026-01-01T00:00:00'
      const found = site.comments
        .filter((c) => c.post === post && c.content.includes(search))
        .filter((c) => (after ? date(c) > after : true))
        .filter((c) => (include ? include.includes(c.id) : true))
      // Pages as WordPress gives them (10 a page unless asked), the count of pages in a header.
      const perPage = Number(url.searchParams.get('per_page') ?? 10)
      const page = Number(url.searchParams.get('page') ?? 1)
      res.setHeader('X-WP-TotalPages', String(Math.max(1, Math.ceil(found.length / perPage))))
      return json(
        200,
        found.slice((page - 1) * perPage, page * perPage).map((c) => ({
          id: c.id,
          post: c.post,
          author_name: c.author_name ?? 'oncall',
          date: date(c),
          date_gmt: date(c),
          link: `${link(c.post)}#comment-${c.id}`,
          content: { raw: c.content, rendered: c.content },
        })),
      )
    }
    if (route === '/wp/v2/comments') {
      const comment = { id: next++, post: Number(input.post), content: String(input.content) }
      site.comments.push(comment)
      if (hangIfAsked()) return
      return json(201, { id: comment.id, link: `${link(comment.post)}#comment-${comment.id}` })
    }
    return json(404, { code: 'rest_no_route', message: 'No route was found.' })
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(site, {
    close: async () => {
      for (const res of hung) res.destroy()
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    },
  })
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}
