import type { NewEvent } from '../../domain/events'
import type { Incident } from '../../domain/incident'
import {
  commentEvents,
  followBackoffMs,
  followedPost,
  followInterval,
  RECHECK_MS,
  recheckEvents,
  tagEvent,
} from '../../domain/comms/p2-follow'
import { actor, type HostContext } from '../context'
import type { PublishingConnection } from './connection'
import { PublishFailure } from './http'
import { gmtIso, readNewComments, readPostTags, readStillThere } from './p2-reader'
import { WordPressClient } from './wordpress'

interface Followed {
  postId: number
  /** When this incident's post is read next (ms). */
  nextAt: number
  /** The newest comment's site-local time: the next read asks for what is after it. */
  afterLocal: string | null
  /** When the known comments were last read again by id. */
  recheckedAt: number
  /** When the post was last read: a wake-up right after a read does not read it again. */
  readAt: number
}

/** A post read this recently is not read again on focus or wake. */
const FRESH_MS = 15_000

/**
 * Follows the P2 post of every active incident: new comments, the status tag, comments deleted
 * on the site. One request at a time (one site), on one timer through the clock port: about every
 * minute while an update is due within the hour or overdue, every 5 minutes otherwise, at once on
 * focus and wake, never while no incident with a post is active; errors back off to 30 minutes.
 */
export class Follower {
  private readonly followed = new Map<string, Followed>()
  private readonly tagNames = new Map<number, string>()
  private cancelTimer: (() => void) | undefined
  private running: Promise<void> | null = null
  private failures = 0
  private retryAt = 0
  private closed = false
  /** What the follower cost the site since start: the bench and the tests read it. */
  readonly cost = { requests: 0, bytes: 0, polls: 0, timers: 0 }

  constructor(
    private readonly ctx: HostContext,
    private readonly connection: PublishingConnection,
  ) {}

  /** After changes: incidents start or stop being followed; the timer is armed again. */
  onChanged(): void {
    if (this.closed) return
    this.refresh()
    this.arm()
  }

  /** The window gained focus, or the machine woke: read every followed post now. */
  now(): void {
    if (this.closed) return
    this.refresh()
    const now = this.ctx.ports.clock.now()
    // A wake or a look at the window tries at once, even while backing off (not twice in 15 s).
    this.retryAt = 0
    for (const f of this.followed.values()) {
      f.nextAt = Math.min(f.nextAt, Math.max(now, f.readAt + FRESH_MS))
    }
    this.kick()
  }

  /** Which incidents are followed: active ones with a post, while a site is connected. */
  private refresh(): void {
    const site = this.connection.connected() ? this.ctx.settings.get().publishing.url : ''
    const now = this.ctx.ports.clock.now()
    const keep = new Set<string>()
    for (const s of this.ctx.incidents.active()) {
      const postId = site ? followedPost(this.ctx.incidents.get(s.id), site) : null
      if (postId === null) continue
      keep.add(s.id)
      const f = this.followed.get(s.id)
      if (!f || f.postId !== postId) {
        this.followed.set(s.id, {
          postId,
          nextAt: now,
          afterLocal: null,
          recheckedAt: now,
          readAt: -Infinity,
        })
      }
    }
    for (const id of [...this.followed.keys()]) if (!keep.has(id)) this.followed.delete(id)
  }

  private arm(): void {
    this.cancelTimer?.()
    this.cancelTimer = undefined
    if (this.followed.size === 0 || this.running) return
    const next = Math.max(
      this.retryAt,
      Math.min(...[...this.followed.values()].map((f) => f.nextAt)),
    )
    this.cost.timers++
    this.cancelTimer = this.ctx.ports.clock.setTimer(
      () => {
        this.cancelTimer = undefined
        this.kick()
      },
      Math.max(0, next - this.ctx.ports.clock.now()),
    )
  }

  private kick(): void {
    if (this.running || this.closed) return
    this.running = this.run()
      .catch(() => undefined)
      .finally(() => {
        this.running = null
        this.arm()
      })
  }

  /** Resolves when no read is in flight (tests wait on it, never on the clock). */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  /** Reads every post that is due, one after the other. */
  private async run(): Promise<void> {
    const clock = this.ctx.ports.clock
    if (clock.now() < this.retryAt) return
    for (const [id, f] of this.followed) {
      if (this.closed || f.nextAt > clock.now()) continue
      let more: boolean
      try {
        more = await this.poll(id, f)
        this.failures = 0
        this.retryAt = 0
        this.reachable()
      } catch (err) {
        if (this.closed) return
        this.failures++
        this.retryAt = clock.now() + followBackoffMs(this.failures)
        this.unreachable(err)
        return
      }
      // More comments wait (pages left): read on at once; else at the pace of the countdown.
      const incident = this.ctx.incidents.find(id) ? this.ctx.incidents.get(id) : null
      f.nextAt =
        clock.now() +
        (incident && !more ? followInterval(incident, this.ctx.settings.get(), clock.now()) : 0)
    }
  }

  /** One read of the post; true when more comments wait than one read takes. */
  private async poll(id: string, f: Followed): Promise<boolean> {
    const wp = new WordPressClient(this.connection.current(), this.connection.http)
    this.cost.polls++
    f.readAt = this.ctx.ports.clock.now()
    const read = await readNewComments(wp, f.postId, f.afterLocal)
    this.count(read)
    f.afterLocal = read.newestLocal
    const now = this.ctx.now().toISOString()
    const comments = read.comments.map((c) => ({
      commentId: c.id,
      postId: c.post,
      author: c.author_name,
      // A site's clock ahead of this one must not push the countdown into the future.
      postedAt: gmtIso(c.date_gmt) < now ? gmtIso(c.date_gmt) : now,
      html: c.content.rendered,
      link: c.link,
    }))
    this.write(id, (incident) => commentEvents(incident, comments, this.stamp(id)))
    const tags = await readPostTags(wp, f.postId, this.tagNames)
    this.count(tags)
    this.write(id, (incident) => tagEvent(incident, tags.slugs, tags.modifiedAt, this.stamp(id)))
    if (this.ctx.ports.clock.now() - f.recheckedAt >= RECHECK_MS) await this.recheck(id, f, wp)
    return read.more
  }

  /** Known comments read again by id: one gone from the site is marked, one edited shows its new text. */
  private async recheck(id: string, f: Followed, wp: WordPressClient): Promise<void> {
    f.recheckedAt = this.ctx.ports.clock.now()
    const incident = this.ctx.incidents.get(id)
    const known = Object.entries(incident.p2?.comments ?? {})
      .filter(([, itemId]) =>
        incident.timeline.findLast(
          (i) => i.id === itemId && i.kind === 'lifecycle' && i.p2 !== undefined && !i.p2.gone,
        ),
      )
      .map(([commentId]) => Number(commentId))
    if (known.length === 0) return
    const read = await readStillThere(wp, f.postId, known)
    this.count(read)
    this.write(id, (incident) => recheckEvents(incident, known, read.there, this.stamp(id)))
  }

  private count(read: { requests: number; bytes: number }): void {
    this.cost.requests += read.requests
    this.cost.bytes += read.bytes
  }

  private stamp(incidentId: string) {
    return () => ({
      id: this.ctx.incidents.eventId(),
      incidentId,
      at: this.ctx.now().toISOString(),
      by: actor(this.ctx),
    })
  }

  /** Appends what a read found, if anything, to a log that is still there. */
  private write(id: string, events: (incident: Incident) => NewEvent[]): void {
    if (this.closed || !this.ctx.incidents.find(id)) return
    const incident = this.ctx.incidents.get(id)
    // Written by a newer app: nothing is appended to it (its header says so already).
    if (incident.readOnly) return
    const found = events(incident)
    if (found.length === 0) return
    this.ctx.incidents.commit(id, found)
    this.ctx.changed()
  }

  private unreachable(err: unknown): void {
    const reason = err instanceof PublishFailure ? err.message : 'The site could not be read.'
    const since = this.ctx.now().toISOString()
    for (const id of this.followed.keys()) {
      this.write(id, (incident) =>
        incident.p2?.unreachableSince
          ? []
          : [{ ...this.stamp(id)(), type: 'p2.unreachable', since, reason }],
      )
    }
  }

  private reachable(): void {
    for (const id of this.followed.keys()) {
      this.write(id, (incident) =>
        incident.p2?.unreachableSince ? [{ ...this.stamp(id)(), type: 'p2.reachable' }] : [],
      )
    }
  }

  close(): void {
    this.closed = true
    this.cancelTimer?.()
  }
}
