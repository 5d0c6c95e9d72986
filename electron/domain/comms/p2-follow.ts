import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import { isActive, STATUS_TAGS, STATUSES, type Status } from '../lifecycle/status'
import type { Settings } from '../settings/settings'
import { updateDue } from './cadence'
import {
  NO_P2_FOLLOW,
  type P2CommentEdited,
  type P2CommentGone,
  type P2CommentRead,
  type P2TagRead,
} from './p2-events'
import { isPostedUpdate } from './posted-updates'
import { publishMarker } from './publishing'
import { keptLink, remoteName, remoteText } from './remote-text'

/** Polls while an update is due within the hour or overdue. */
export const URGENT_POLL_MS = 60_000
/** Polls otherwise. */
export const QUIET_POLL_MS = 5 * 60_000
/** Known comments are read again by id this often, to find the ones deleted on the site. */
export const RECHECK_MS = 30 * 60_000
/** After errors: 1, 2, 4 … minutes between tries, at most 30. */
export function followBackoffMs(failures: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failures - 1), 30 * 60_000)
}

/** How long until this incident's post is read again: the countdown sets the pace. */
export function followInterval(incident: Incident, settings: Settings, now: number): number {
  const due = updateDue(incident, settings.cadence, settings.reminders)
  return due.dueAt - now <= 60 * 60_000 ? URGENT_POLL_MS : QUIET_POLL_MS
}

/** The post this app follows for the incident: the one it published, or a pasted `?p=` address. */
export function followedPost(incident: Incident, site: string): number | null {
  if (!isActive(incident.status)) return null
  if (incident.publishing?.post) return incident.publishing.post.id
  if (!incident.p2Url || !site) return null
  try {
    const url = new URL(incident.p2Url)
    if (url.origin !== new URL(site).origin) return null
    const id = Number(url.searchParams.get('p'))
    return Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

/** A comment as the site gave it, before anything is trusted. */
export interface ReadComment {
  commentId: number
  postId: number
  author: unknown
  postedAt: string
  html: string
  link: string
}

type Stamp = () => { id: string; incidentId: string; at: string; by: string }

/** Whitespace-insensitive: the same update pasted on the P2 by hand reads as the same text. */
function sameText(a: string): string {
  return a.replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * The events for comments read from the post: new ones only (keyed by the site's comment id).
 * This install's own comments (the marker of a publish in this log) and the text of an update
 * recorded here are matched to it, never counted twice.
 */
export function commentEvents(
  incident: Incident,
  comments: readonly ReadComment[],
  stamp: Stamp,
): NewEvent<P2CommentRead>[] {
  const p2 = incident.p2 ?? NO_P2_FOLLOW
  const taken = new Set(Object.values(p2.comments))
  const seen = new Set(Object.keys(p2.comments))
  const own = ownPublishes(incident)
  const events: NewEvent<P2CommentRead>[] = []
  for (const c of comments) {
    if (seen.has(String(c.commentId))) continue
    seen.add(String(c.commentId))
    const body = remoteText(c.html)
    const mine = own.find((o) => o.commentId === c.commentId || c.html.includes(o.marker))
    const update = mine
      ? undefined
      : incident.timeline.findLast(
          (i) =>
            isPostedUpdate(i) &&
            !i.p2 &&
            !taken.has(i.id) &&
            sameText(i.update!.text) === sameText(body.text),
        )
    const matches = mine?.id ?? update?.id
    if (matches) taken.add(matches)
    const link = keptLink(c.link)
    events.push({
      ...stamp(),
      by: remoteName(c.author) || 'Someone',
      type: 'p2.commentRead',
      commentId: c.commentId,
      postId: c.postId,
      author: remoteName(c.author) || 'Someone',
      postedAt: c.postedAt,
      text: body.text,
      ...(link ? { link } : {}),
      ...(body.cut ? { cut: true } : {}),
      ...(matches ? { matches } : {}),
      // The site keeps whole seconds: a comment in the second the incident began is during it.
      counts:
        isActive(incident.status) && c.postedAt >= wholeSecond(p2.postedAt ?? incident.recordedAt),
    })
  }
  return events
}

/** An ISO time down to its whole second, as the site's times are. */
function wholeSecond(iso: string): string {
  return `${iso.slice(0, 19)}.000Z`
}

/**
 * Known comments as the site shows them now (id → HTML): one missing is gone (marked, never
 * removed), one whose text changed since it was read is edited (its item shows the new text).
 */
export function recheckEvents(
  incident: Incident,
  known: readonly number[],
  there: ReadonlyMap<number, string>,
  stamp: Stamp,
): NewEvent<P2CommentGone | P2CommentEdited>[] {
  const p2 = incident.p2 ?? NO_P2_FOLLOW
  return known.flatMap((commentId): NewEvent<P2CommentGone | P2CommentEdited>[] => {
    const html = there.get(commentId)
    if (html === undefined) return [{ ...stamp(), type: 'p2.commentGone', commentId }]
    const itemId = p2.comments[String(commentId)]
    const item = incident.timeline.findLast((i) => i.id === itemId)
    const body = remoteText(html)
    if (item?.kind !== 'lifecycle' || item.publicText === body.text) return []
    return [
      {
        ...stamp(),
        type: 'p2.commentEdited',
        commentId,
        text: body.text,
        ...(body.cut ? { cut: true } : {}),
      },
    ]
  })
}

/** What this install published on the post: its comments' ids (from their links) and markers. */
function ownPublishes(
  incident: Incident,
): { id: string; commentId: number | null; marker: string }[] {
  const publishing = incident.publishing
  if (!publishing) return []
  return publishing.published
    .filter((p) => p.kind === 'comment')
    .map((p) => {
      const m = /#comment-(\d+)$/.exec(p.link)
      return { id: p.id, commentId: m ? Number(m[1]) : null, marker: publishMarker(p.id) }
    })
}

/** The policy's status for a P2 tag slug (`status-stabilized`), or null. */
export function statusOfTag(slug: string): Status | null {
  return STATUSES.find((s) => STATUS_TAGS[s] === `#${slug}`) ?? null
}

/** A `p2.tagRead` when the post's status tag is not the one last read, else nothing. */
export function tagEvent(
  incident: Incident,
  slugs: readonly string[],
  modifiedAt: string,
  stamp: Stamp,
): NewEvent<P2TagRead>[] {
  const tag = slugs.find((s) => s.startsWith('status-')) ?? ''
  const remote = incident.p2?.remote
  if (remote && remote.tag === tag) return []
  return [{ ...stamp(), type: 'p2.tagRead', tag, status: statusOfTag(tag), changedAt: modifiedAt }]
}

/** Whether the header should say "The P2 says …": the tag read differs from the app's status. */
export function p2Disagrees(incident: Incident): boolean {
  const remote = incident.p2?.remote
  return Boolean(remote?.status && remote.status !== incident.status)
}
