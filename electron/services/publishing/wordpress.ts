import { escapeHtml } from '../../domain/comms/escape'
import { checkSiteAddress } from '../../domain/settings/site-address'
import { PublishFailure, requestJson, serverFailure, type HttpOptions } from './http'

/** Where and as whom to publish. The password is an application password (WordPress 5.6+). */
export interface Connection {
  url: string
  user: string
  password: string
}

export interface Published {
  id: number
  /** The address of what was published (the post, or the comment's anchor). */
  link: string
}

export interface RemotePost extends Published {
  title: string
  content: string
  tags: number[]
}

/**
 * The site's address as the user typed it, cleaned: https (http only on a loopback address), no
 * query or fragment, no trailing slash. Throws a PublishFailure that says what is wrong.
 */
export function siteAddress(raw: string): string {
  const checked = checkSiteAddress(raw)
  if (!checked.ok) throw new PublishFailure('not-found', checked.problem)
  return checked.address
}

/**
 * A WordPress site's REST API as publishing needs it. Routes go through `?rest_route=`, which
 * works with and without pretty permalinks.
 */
export class WordPressClient {
  private readonly base: string
  private readonly auth: string
  private myId: number | undefined
  constructor(
    private readonly connection: Connection,
    private readonly http: Pick<HttpOptions, 'timeoutMs' | 'maxBytes'> = {},
  ) {
    this.base = siteAddress(connection.url)
    this.auth = `Basic ${Buffer.from(`${connection.user}:${connection.password.replace(/\s+/g, '')}`).toString('base64')}`
  }

  private url(route: string, query: Record<string, string | number> = {}): string {
    const params = new URLSearchParams({ rest_route: route })
    for (const [k, v] of Object.entries(query)) params.set(k, String(v))
    return `${this.base}/?${params.toString()}`
  }

  /** One call; a JSON error answer becomes a PublishFailure in words. */
  private async call<T>(
    route: string,
    options: { method?: 'GET' | 'POST'; body?: unknown; query?: Record<string, string | number> },
    doing: string,
    signedIn = true,
  ): Promise<T> {
    const answer = await requestJson(this.url(route, options.query), {
      ...this.http,
      method: options.method ?? 'GET',
      body: options.body,
      headers: signedIn ? { Authorization: this.auth } : {},
    })
    if (answer.status >= 200 && answer.status < 300) return answer.json as T
    throw failureOf(answer.status, answer.json, doing)
  }

  /** A signed-in GET for reading the post back: the JSON, its headers and about its size. */
  async read(
    route: string,
    query: Record<string, string | number>,
    doing: string,
  ): Promise<{ json: unknown; headers: Headers; bytes: number }> {
    const answer = await requestJson(this.url(route, query), {
      ...this.http,
      headers: { Authorization: this.auth },
    })
    if (answer.status < 200 || answer.status >= 300) {
      throw failureOf(answer.status, answer.json, doing)
    }
    const bytes = Number(answer.headers.get('content-length')) || JSON.stringify(answer.json).length
    return { json: answer.json, headers: answer.headers, bytes }
  }

  /** Checks the address, the password and the rights to post, comment and tag. */
  async check(): Promise<{ name: string; user: string }> {
    const index = await this.call<{ name?: string; namespaces?: string[] }>(
      '/',
      {},
      'read the site',
      false,
    )
    if (!Array.isArray(index.namespaces) || !index.namespaces.includes('wp/v2')) {
      throw new PublishFailure('not-found', 'No WordPress REST API at this address.')
    }
    const me = await this.call<{ name?: string; capabilities?: Record<string, boolean> }>(
      '/wp/v2/users/me',
      { query: { context: 'edit' } },
      'sign in',
    )
    const can = me.capabilities ?? {}
    if (!can.publish_posts) {
      throw new PublishFailure('forbidden', 'This user cannot publish posts on the site.')
    }
    // An Author may connect: it comments and publishes its own posts, but cannot create tags or
    // edit someone else's post; each of those is refused in words when it is tried.
    if (!can.moderate_comments && !can.edit_posts) {
      throw new PublishFailure('forbidden', 'This user cannot comment on posts on the site.')
    }
    return { name: index.name ?? this.base, user: me.name ?? this.connection.user }
  }

  /** The tag's id, creating the tag if the site has none by that name. */
  async tagId(name: string): Promise<number> {
    const found = await this.call<{ id: number; slug: string }[]>(
      '/wp/v2/tags',
      { query: { slug: name } },
      'read tags',
    )
    const hit = found.find((t) => t.slug === name)
    if (hit) return hit.id
    const made = await this.call<{ id: number }>(
      '/wp/v2/tags',
      { method: 'POST', body: { name: escapeHtml(name), slug: name } },
      'create tags',
    )
    return made.id
  }

  async tagNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map()
    const tags = await this.call<{ id: number; slug: string }[]>(
      '/wp/v2/tags',
      { query: { include: ids.join(','), per_page: 100 } },
      'read tags',
    )
    return new Map(tags.map((t) => [t.id, t.slug]))
  }

  /** `title` is text (escaped here: WordPress keeps a title as HTML); `content` is HTML. */
  async createPost(post: { title: string; content: string; tags: number[] }): Promise<Published> {
    const made = await this.call<{ id: number; link: string }>(
      '/wp/v2/posts',
      { method: 'POST', body: { ...post, title: escapeHtml(post.title), status: 'publish' } },
      'publish posts',
    )
    return { id: made.id, link: made.link }
  }

  async updatePost(
    id: number,
    changes: { title?: string; content?: string; tags?: number[] },
  ): Promise<Published> {
    const body =
      changes.title === undefined ? changes : { ...changes, title: escapeHtml(changes.title) }
    const made = await this.call<{ id: number; link: string }>(
      `/wp/v2/posts/${id}`,
      { method: 'POST', body },
      'edit posts',
    )
    return { id: made.id, link: made.link }
  }

  async getPost(id: number): Promise<RemotePost> {
    const post = await this.call<{
      id: number
      link: string
      title: { raw?: string; rendered: string }
      content: { raw?: string; rendered: string }
      tags: number[]
    }>(`/wp/v2/posts/${id}`, { query: { context: 'edit' } }, 'read posts')
    return {
      id: post.id,
      link: post.link,
      title: post.title.raw ?? post.title.rendered,
      content: post.content.raw ?? post.content.rendered,
      tags: post.tags,
    }
  }

  /** The signed-in user's id on the site. */
  private async me(): Promise<number> {
    if (this.myId === undefined) {
      const me = await this.call<{ id?: unknown }>('/wp/v2/users/me', {}, 'read posts')
      if (typeof me.id !== 'number' || !Number.isSafeInteger(me.id)) {
        throw new PublishFailure('rejected', 'The site did not say which user is signed in.')
      }
      this.myId = me.id
    }
    return this.myId
  }

  /**
   * The post that carries this marker, if one was published already (any status), among the
   * signed-in user's own posts only: anyone can quote a marker in a post of theirs.
   */
  async findPost(marker: string): Promise<Published | null> {
    const author = await this.me()
    const posts = await this.call<{ id: number; link: string; content: { raw?: string } }[]>(
      '/wp/v2/posts',
      { query: { search: marker, author, status: 'any', context: 'edit', per_page: 10 } },
      'read posts',
    )
    const hit = posts.find((p) => p.content.raw?.includes(marker))
    return hit ? { id: hit.id, link: hit.link } : null
  }

  async createComment(postId: number, content: string): Promise<Published> {
    const made = await this.call<{ id: number; link: string }>(
      '/wp/v2/comments',
      { method: 'POST', body: { post: postId, content } },
      'comment',
    )
    return { id: made.id, link: made.link }
  }

  async findComment(postId: number, marker: string): Promise<Published | null> {
    const comments = await this.call<{ id: number; link: string; content: { raw?: string } }[]>(
      '/wp/v2/comments',
      { query: { post: postId, search: marker, context: 'edit', per_page: 10 } },
      'read comments',
    )
    const hit = comments.find((c) => c.content.raw?.includes(marker))
    return hit ? { id: hit.id, link: hit.link } : null
  }
}

/** A JSON error answer in words. */
export function failureOf(status: number, json: unknown, doing: string): PublishFailure {
  const body = (typeof json === 'object' && json !== null ? json : {}) as {
    code?: unknown
    message?: unknown
  }
  const wpCode = typeof body.code === 'string' ? body.code : undefined
  const said =
    typeof body.message === 'string' ? ` (WordPress said: ${stripTags(body.message)})` : ''
  if (status === 401) {
    return new PublishFailure(
      'refused',
      'The site refused the password: check the user name and the application password.',
      { status, ...(wpCode ? { wpCode } : {}) },
    )
  }
  if (status === 403) {
    return new PublishFailure('forbidden', `This user cannot ${doing} on the site${said}.`, {
      status,
      ...(wpCode ? { wpCode } : {}),
    })
  }
  if (status === 404 && wpCode === 'rest_no_route') {
    return new PublishFailure('not-found', 'No WordPress REST API at this address.', { status })
  }
  if (status >= 500 || status === 429) return serverFailure(status)
  return new PublishFailure('rejected', `The site refused to ${doing} (HTTP ${status})${said}.`, {
    status,
    ...(wpCode ? { wpCode } : {}),
  })
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').slice(0, 200)
}
