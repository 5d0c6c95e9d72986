import { z } from 'zod'
import { readIncidentNote } from '../../domain/comms/p2-note'
import { statusOfTag } from '../../domain/comms/p2-follow'
import { remoteName } from '../../domain/comms/remote-text'
import { UserError } from '../../domain/incident/errors'
import { allowedLevels } from '../../domain/incident/severity'
import { isActive } from '../../domain/lifecycle/status'
import type { P2Post } from '../../shared/publishing-contract'
import { siteLinkProblem } from '../../domain/settings/site-address'
import { actor, type HostContext } from '../context'
import type { PublishingConnection } from './connection'
import { asUserError } from './connection'
import { PublishFailure } from './http'
import { gmtIso } from './p2-reader'
import { WordPressClient } from './wordpress'

const Post = z.object({
  id: z.number().int().positive(),
  link: z.string().max(4000),
  date_gmt: z.string().max(40),
  title: z.object({ rendered: z.string().max(100_000) }),
  content: z.object({ rendered: z.string().max(4_000_000) }).optional(),
  tags: z.array(z.number().int()).max(1000),
})
const FIELDS = 'id,link,date_gmt,title,content,tags'

/** Reads the site's posts and opens one as a local incident. Outside data all along. */
export class P2Opener {
  constructor(
    private readonly ctx: HostContext,
    private readonly connection: PublishingConnection,
  ) {}

  private client(): WordPressClient {
    return new WordPressClient(
      asUserError(() => this.connection.current()),
      this.connection.http,
    )
  }

  /** The site's recent posts whose status tag is neither resolved nor reviewed. */
  async recent(): Promise<P2Post[]> {
    const wp = this.client()
    const answer = await wrap(() =>
      wp.read(
        '/wp/v2/posts',
        { per_page: 20, _fields: FIELDS.replace(',content', '') },
        'read posts',
      ),
    )
    const posts = z.array(Post).max(100).catch([]).parse(answer.json)
    const names = await wp.tagNames([...new Set(posts.flatMap((p) => p.tags))].slice(0, 100))
    return posts.map((p) => this.view(p, names)).filter((p) => p.status && isActive(p.status))
  }

  private view(p: z.infer<typeof Post>, names: Map<number, string>): P2Post {
    const slug = p.tags.map((t) => names.get(t) ?? '').find((s) => s.startsWith('status-'))
    return {
      url: p.link,
      title: remoteName(p.title.rendered, 300) || `Post ${p.id}`,
      status: slug ? statusOfTag(slug) : null,
      postedAt: gmtIso(p.date_gmt),
    }
  }

  /** A local incident from the post at `url` (on the connected site); the one bound already if any. */
  async open(url: string): Promise<{ id: string; created: boolean }> {
    const wp = this.client()
    const postId = await this.postIdOf(wp, url)
    const bound = this.ctx.incidents
      .list()
      .find((s) => this.ctx.incidents.get(s.id).publishing?.post?.id === postId)
    if (bound) return { id: bound.id, created: false }
    const answer = await wrap(() =>
      wp.read(`/wp/v2/posts/${postId}`, { _fields: FIELDS }, 'read posts'),
    )
    const post = Post.safeParse(answer.json)
    if (!post.success) throw new UserError('not-a-post', 'The site did not answer with a post.')
    const p = post.data
    if (siteLinkProblem(p.link))
      throw new UserError('bad-link', 'The post’s address cannot be kept.')
    const names = await wrap(() => wp.tagNames(p.tags.slice(0, 100)))
    const view = this.view(p, names)
    const note = readIncidentNote(p.content?.rendered ?? '')
    const settings = this.ctx.settings.get()
    const scale = settings.severityScale
    const severity =
      note?.severity !== undefined &&
      (note.scale ?? scale) === scale &&
      allowedLevels(scale).includes(note.severity)
        ? note.severity
        : Math.max(...allowedLevels(scale))
    const incident = this.ctx.incidents.record(
      {
        title: (note?.title ? remoteName(note.title, 200) : '') || view.title.slice(0, 200),
        observed: '',
        severity,
        detection: note?.detection ?? 'manual-check',
        area: note?.area ?? '',
        status: view.status === 'stabilized' ? 'stabilized' : 'pending',
        recorder: actor(this.ctx),
      },
      scale,
      (incidentId) => [
        {
          id: this.ctx.incidents.eventId(),
          incidentId,
          at: this.ctx.now().toISOString(),
          by: actor(this.ctx),
          type: 'p2.bound',
          postId: p.id,
          link: p.link,
          postedAt: note?.recordedAt ?? view.postedAt,
        },
      ],
    )
    this.ctx.changed()
    return { id: incident.id, created: true }
  }

  /** The post's id from its address: `?p=123` on the connected site, else by its slug. */
  private async postIdOf(wp: WordPressClient, url: string): Promise<number> {
    let parsed: URL
    let site: URL
    try {
      parsed = new URL(url.trim())
      site = new URL(this.connection.current().url)
    } catch {
      throw new UserError('bad-url', 'Paste the address of a post on the connected P2 (https://…).')
    }
    if (parsed.origin !== site.origin) {
      throw new UserError(
        'other-site',
        `That post is not on the connected P2 (${site.host}); connect that site in Settings → Publishing first.`,
      )
    }
    const id = Number(parsed.searchParams.get('p'))
    if (Number.isSafeInteger(id) && id > 0) return id
    // A pretty permalink (…/2026/12/07/search-is-down/): the post named by its slug.
    const slug = parsed.pathname.split('/').filter(Boolean).at(-1)
    if (slug && /^[a-z0-9-_%]{1,200}$/i.test(slug)) {
      const found = await wrap(() =>
        wp.read('/wp/v2/posts', { slug: decodeURIComponent(slug), _fields: 'id' }, 'read posts'),
      )
      const hit = z
        .array(z.object({ id: z.number().int().positive() }))
        .catch([])
        .parse(found.json)[0]
      if (hit) return hit.id
    }
    throw new UserError(
      'no-post-id',
      'That address names no post: open the post on the P2 and copy its address (with ?p= or its short link).',
    )
  }
}

async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof PublishFailure) throw new UserError(`publish-${err.kind}`, err.message)
    throw err
  }
}
