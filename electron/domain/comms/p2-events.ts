import { z } from 'zod'
import { defineEvents, link, text, time, type EventOf, type EventsOf } from '../event-base'
import { STATUSES } from '../lifecycle/status'

/**
 * What the app reads back from the incident's P2 post: other people's comments, the post's status
 * tag, and whether the site could be reached. Keyed by the site's comment id, so a comment read
 * twice (two polls, two apps, a catch-up after sleep) is applied once.
 */
export const P2_EVENTS = defineEvents({
  /**
   * A comment read from the post. `text` is already plain text (remote-text.ts): other people's
   * HTML never reaches the log. `matches`: the id of an update this app recorded whose text the
   * comment is (copied here, pasted there): it is that update, not a second one. `counts`: made
   * while the incident was active, so it is a posted update and the countdown runs from it.
   */
  'p2.commentRead': {
    commentId: z.number().int().positive(),
    postId: z.number().int().positive(),
    author: text,
    postedAt: time,
    text,
    link: link.optional(),
    /** The comment was longer than the cap and is cut here. */
    cut: z.boolean().optional(),
    matches: text.optional(),
    counts: z.boolean(),
  },
  /** "Not an update": the comment stays on the timeline but no longer counts as a posted update. */
  'p2.notUpdate': { commentId: z.number().int().positive() },
  /**
   * The comment was edited on the site since it was read: its new plain text (remote-text.ts).
   * The timeline item shows the new text, marked edited; whether it counts as an update stays.
   */
  'p2.commentEdited': {
    commentId: z.number().int().positive(),
    text,
    cut: z.boolean().optional(),
  },
  /** The comment is gone from the site (deleted or unapproved): marked, never removed. */
  'p2.commentGone': { commentId: z.number().int().positive() },
  /**
   * The post's status tag as read from the site, when it differs from what was last read. `status`
   * is null for a post with no status tag the policy knows.
   */
  'p2.tagRead': { tag: text, status: z.enum(STATUSES).nullable(), changedAt: time },
  /** "Keep mine": the user chose the app's status over the P2's; the app's tag is sent back. */
  'p2.tagKept': { status: z.enum(STATUSES) },
  /** The site stopped answering this app's reads (once per outage), and when it answered again. */
  'p2.unreachable': { since: time, reason: text },
  'p2.reachable': {},
  /**
   * The incident was opened from a post on the P2 (another app's, or a person's): the post is
   * bound, so this machine's status comments and tag moves go to it. `postedAt`: the post's time;
   * the countdown runs from it until an update is read.
   */
  'p2.bound': { postId: z.number().int().positive(), link, postedAt: time },
})

export type P2CommentRead = EventOf<(typeof P2_EVENTS)['p2.commentRead']>
export type P2CommentGone = EventOf<(typeof P2_EVENTS)['p2.commentGone']>
export type P2CommentEdited = EventOf<(typeof P2_EVENTS)['p2.commentEdited']>
export type P2TagRead = EventOf<(typeof P2_EVENTS)['p2.tagRead']>
export type P2Event = EventsOf<typeof P2_EVENTS>

/** What the incident knows of its P2 post as read back. */
export interface P2Follow {
  /** Comment id → the timeline item it made (or the update it matched). */
  comments: Record<string, string>
  /** The newest comment's time (ISO): the next read asks only for what is after it. */
  newestCommentAt: string | null
  /** The post's status tag as last read, and when it changed. */
  remote: { tag: string; status: (typeof STATUSES)[number] | null; changedAt: string } | null
  /** Set while the site does not answer reads: the header says since when. */
  unreachableSince: string | null
  /** The newest comment that counted as an update: the header names it. */
  lastRemoteUpdate: { at: string; by: string } | null
  /** Opened from the P2: when the post was published (comments since count as updates). */
  postedAt?: string
}

export const NO_P2_FOLLOW: P2Follow = {
  comments: {},
  newestCommentAt: null,
  remote: null,
  unreachableSince: null,
  lastRemoteUpdate: null,
}
