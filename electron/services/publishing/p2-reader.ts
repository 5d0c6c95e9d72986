import { z } from 'zod'
import { PublishFailure } from './http'
import type { WordPressClient } from './wordpress'

/**
 * The reads that follow a P2 post, each as small as the REST API allows: only the fields used
 * (`_fields=`), only comments after the newest one seen (`after=`), in pages of 50.
 */
export const COMMENTS_PER_PAGE = 50
/** Pages read in one poll at most: a post with hundreds of new comments is read over several. */
export const PAGES_PER_POLL = 4

const Comment = z.object({
  id: z.number().int().positive(),
  post: z.number().int().positive(),
  author_name: z.string().max(1000).catch(''),
  /** The site's local time, as `after=` compares it. */
  date: z.string().max(40),
  date_gmt: z.string().max(40),
  link: z.string().max(4000).catch(''),
  content: z.object({ rendered: z.string().max(4_000_000) }),
})
export type RemoteComment = z.infer<typeof Comment>

const Post = z.object({
  id: z.number().int().positive(),
  tags: z.array(z.number().int()).max(1000),
  modified_gmt: z.string().max(40),
})
const Tags = z.array(z.object({ id: z.number().int(), slug: z.string().max(200) }))

function parsed<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json)
  if (result.success) return result.data
  throw new PublishFailure(
    'rejected',
    `The site's answer about ${what} is not what WordPress sends.`,
  )
}

/** A WordPress GMT time ("2026-11-23T14:02:05") as ISO in UTC. */
export function gmtIso(date: string): string {
  const ms = Date.parse(`${date.replace(/Z$/, '')}Z`)
  return Number.isNaN(ms) ? new Date(0).toISOString() : new Date(ms).toISOString()
}

/** One second before a site-local time: `after=` is strict, and ids remove the overlap. */
function justBefore(local: string): string {
  const ms = Date.parse(`${local}Z`) - 1000
  return new Date(ms).toISOString().slice(0, 19)
}

export interface CommentsRead {
  comments: RemoteComment[]
  /** The newest comment's site-local time: where the next read starts. */
  newestLocal: string | null
  /** More pages wait: the next poll reads on. */
  more: boolean
  requests: number
  bytes: number
}

/** New comments on the post, oldest first, after `afterLocal` (site-local time) if given. */
export async function readNewComments(
  wp: WordPressClient,
  postId: number,
  afterLocal: string | null,
): Promise<CommentsRead> {
  const out: CommentsRead = {
    comments: [],
    newestLocal: afterLocal,
    more: false,
    requests: 0,
    bytes: 0,
  }
  for (let page = 1; page <= PAGES_PER_POLL; page++) {
    const answer = await wp.read(
      '/wp/v2/comments',
      {
        post: postId,
        per_page: COMMENTS_PER_PAGE,
        page,
        orderby: 'date_gmt',
        order: 'asc',
        _fields: 'id,post,author_name,date,date_gmt,link,content',
        ...(afterLocal ? { after: justBefore(afterLocal) } : {}),
      },
      'read comments',
    )
    out.requests++
    out.bytes += answer.bytes
    const comments = parsed(z.array(Comment).max(100), answer.json, 'comments')
    out.comments.push(...comments.filter((c) => c.post === postId))
    const last = comments.at(-1)
    if (last && (!out.newestLocal || last.date > out.newestLocal)) out.newestLocal = last.date
    const pages = Number(answer.headers.get('x-wp-totalpages') ?? '1')
    if (page >= pages || comments.length < COMMENTS_PER_PAGE) return out
  }
  out.more = true
  return out
}

/** The post's tag slugs and when it was last changed; tag names are read only when they change. */
export async function readPostTags(
  wp: WordPressClient,
  postId: number,
  known: Map<number, string>,
): Promise<{ slugs: string[]; modifiedAt: string; requests: number; bytes: number }> {
  const answer = await wp.read(
    `/wp/v2/posts/${postId}`,
    { _fields: 'id,tags,modified_gmt' },
    'read posts',
  )
  const post = parsed(Post, answer.json, 'the post')
  let requests = 1
  let bytes = answer.bytes
  const unknown = post.tags.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    const tags = await wp.read(
      '/wp/v2/tags',
      { include: unknown.slice(0, 100).join(','), per_page: 100, _fields: 'id,slug' },
      'read tags',
    )
    requests++
    bytes += tags.bytes
    for (const t of parsed(Tags, tags.json, 'tags')) known.set(t.id, t.slug)
  }
  const slugs = post.tags.flatMap((id) => (known.has(id) ? [known.get(id)!] : []))
  return { slugs, modifiedAt: gmtIso(post.modified_gmt), requests, bytes }
}

/**
 * Which of these comments the site still shows (a deleted or unapproved one is not listed), with
 * their HTML as it is now (an edit shows there).
 */
export async function readStillThere(
  wp: WordPressClient,
  postId: number,
  ids: number[],
): Promise<{ there: Map<number, string>; requests: number; bytes: number }> {
  const there = new Map<number, string>()
  let requests = 0
  let bytes = 0
  for (let i = 0; i < ids.length; i += 100) {
    const answer = await wp.read(
      '/wp/v2/comments',
      {
        post: postId,
        include: ids.slice(i, i + 100).join(','),
        per_page: 100,
        _fields: 'id,content',
      },
      'read comments',
    )
    requests++
    bytes += answer.bytes
    const found = parsed(
      z.array(Comment.pick({ id: true, content: true })),
      answer.json,
      'comments',
    )
    for (const c of found) there.set(c.id, c.content.rendered)
  }
  return { there, requests, bytes }
}
