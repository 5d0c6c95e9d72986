import type { Incident } from '../../domain/incident'
import {
  nextAttemptAt,
  NO_PUBLISHING,
  sendsByItself,
  PUBLISH_LABELS,
  type OutboxItem,
  type PublishKind,
} from '../../domain/comms/publishing'
import type { Status } from '../../domain/lifecycle/status'
import { cancelPublish, claimPublish, queuePublish } from '../../domain/comms/publish-commands'
import { queuedPost } from '../../domain/comms/publish-rules'
import type { PublishOutcome, PublishPreview } from '../../shared/publishing-contract'
import type { HostContext } from '../context'
import { installId } from '../../store/install-id'
import { PublishingConnection } from './connection'
import { publishContent } from './content'
import { recordFailed, recordPublished } from './attempt-outcome'
import { sendItem } from './send'
import { PublishFailure } from './http'
import { siteLinkProblem } from '../../domain/settings/site-address'
import { WordPressClient } from './wordpress'

/**
 * Publishing to the P2: previews, the outbox drain with retries through the clock port, and the
 * status tag that follows status moves. Every send goes through the outbox in the incident's log.
 */
export class Publisher {
  private draining: Promise<void> | null = null
  private again = false
  private cancelTimer: (() => void) | undefined
  private seenStatus = new Map<string, Status>()
  /** Incidents with publishes in their outbox: the drain and the retry timer look only at them. */
  private readonly waitingIds = new Set<string>()
  private closed = false
  /** Work counter: incidents looked at after changes (tests show it is not the archive). */
  looked = 0

  readonly connection: PublishingConnection
  /** This install: only what it queued is sent without a click (see sendsByItself). */
  private readonly installId: string

  constructor(
    private readonly ctx: HostContext,
    http: { timeoutMs?: number | undefined; maxBytes?: number } = {},
  ) {
    this.connection = new PublishingConnection(ctx, http)
    this.installId = installId(ctx.dataDir)
    // Once, at start-up: from here on only the incidents that change are looked at.
    for (const s of ctx.incidents.list()) this.note(s.id)
  }

  /** Remembers an incident's status and whether it has publishes waiting; returns the old status. */
  private note(id: string): Status | undefined {
    const s = this.ctx.incidents.find(id)
    const before = this.seenStatus.get(id)
    if (!s) {
      this.seenStatus.delete(id)
      this.waitingIds.delete(id)
      return before
    }
    this.seenStatus.set(id, s.status)
    if ((s.publishWaiting ?? 0) > 0) this.waitingIds.add(id)
    else this.waitingIds.delete(id)
    return before
  }

  preview(id: string, kind: PublishKind): PublishPreview {
    const incident = this.ctx.incidents.get(id)
    const p = publishContent(incident, this.ctx.settings.get(), kind, this.ctx.now())
    const site = this.ctx.settings.get().publishing.url || 'the P2 (not connected yet)'
    const post = incident.publishing?.post
    return {
      kind,
      label: PUBLISH_LABELS[kind],
      ...(p.title !== undefined ? { title: p.title } : {}),
      html: p.content,
      text: p.text,
      ...(p.statusTag ? { statusTag: p.statusTag } : {}),
      target: kind === 'post' ? site : (post?.link ?? 'the incident post, once it is published'),
    }
  }

  /** Queues a publish in the incident's log, then tries it at once. */
  async publish(id: string, kind: PublishKind): Promise<PublishOutcome> {
    const requestId = this.queue(this.ctx.incidents.get(id), kind)
    await this.drain([{ id, requestId }])
    return this.outcome(id, requestId)
  }

  private queue(incident: Incident, kind: PublishKind): string {
    const settings = this.ctx.settings.get()
    // The status comment is rendered by the command, as the update it posts; the rest here.
    const content =
      kind === 'comment' ? null : publishContent(incident, settings, kind, this.ctx.now())
    const { events } = this.ctx.incidents.run(incident.id, queuePublish, {
      kind,
      installId: this.installId,
      settings,
      content,
    })
    this.ctx.changed()
    return events[0]!.id
  }

  async retry(id: string, requestId: string): Promise<PublishOutcome> {
    this.ctx.incidents.execute(id, claimPublish, { requestId, installId: this.installId })
    await this.drain([{ id, requestId }])
    return this.outcome(id, requestId)
  }

  cancel(id: string, requestId: string): { cancelled: true } {
    this.ctx.incidents.execute(id, cancelPublish, { requestId })
    this.ctx.changed()
    return { cancelled: true }
  }

  private outcome(id: string, requestId: string): PublishOutcome {
    const state = this.ctx.incidents.get(id).publishing ?? NO_PUBLISHING
    const done = state.published.find((p) => p.id === requestId)
    if (done) return { outcome: 'published', requestId, link: done.link }
    const waiting = state.outbox.find((i) => i.id === requestId)
    return { outcome: 'queued', requestId, reason: waiting?.lastError ?? 'Waiting to publish.' }
  }

  /**
   * After a change, for the incidents that changed (never the archive): follow status moves with
   * the tag, and arm the retry timer.
   */
  onChanged(ids: readonly string[]): void {
    if (this.closed) return
    for (const id of ids) {
      this.looked++
      const before = this.note(id)
      const s = this.ctx.incidents.find(id)
      if (!s || before === undefined || before === s.status) continue
      if (!this.connection.connected() || !this.ctx.settings.get().publishing.followStatus) continue
      const incident = this.ctx.incidents.get(s.id)
      if (!incident.publishing?.post && !queuedPost(incident)) continue
      this.queue(incident, 'tags')
      this.kick()
    }
    this.arm()
  }

  /** The outbox items of every incident with publishes waiting, in the order of the list. */
  private waiting(): { id: string; item: OutboxItem }[] {
    const ids = [...this.waitingIds].flatMap((id) => {
      const s = this.ctx.incidents.find(id)
      return s ? [s] : []
    })
    // Newest first, as the list is: the order the outbox was always drained in.
    ids.sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0))
    return ids.flatMap((s) =>
      (this.ctx.incidents.get(s.id).publishing?.outbox ?? []).map((item) => ({ id: s.id, item })),
    )
  }

  private arm(): void {
    this.cancelTimer?.()
    this.cancelTimer = undefined
    const times = this.waiting()
      .filter(({ item }) => sendsByItself(item, this.installId))
      .map(({ item }) => nextAttemptAt(item)!)
    if (times.length === 0) return
    const delay = Math.max(0, Math.min(...times) - this.ctx.now().getTime())
    this.cancelTimer = this.ctx.ports.clock.setTimer(() => {
      this.cancelTimer = undefined
      this.kick()
    }, delay)
  }

  /** Starts a drain in the background (timers, start-up, status moves). */
  kick(): void {
    void this.drain().catch(() => undefined)
  }

  /** Resolves when no publish is in flight (tests wait on it; no timer involved). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining
  }

  /**
   * Sends every item that is due, in the order queued, one at a time. `force`d items are sent
   * even if they wait for the user (Retry).
   */
  async drain(force: { id: string; requestId: string }[] = []): Promise<void> {
    if (this.draining) {
      this.again = true
      await this.idle()
      if (force.length === 0) return
    }
    const run = async () => {
      do {
        this.again = false
        const now = this.ctx.now().getTime()
        for (const { id, item } of this.waiting()) {
          if (this.closed) return
          const forced = force.some((f) => f.id === id && f.requestId === item.id)
          if (!forced && !(sendsByItself(item, this.installId) && nextAttemptAt(item)! <= now)) {
            continue
          }
          await this.attempt(id, item, !forced)
        }
        force = []
      } while (this.again && !this.closed)
    }
    this.draining = run().finally(() => {
      this.draining = null
      if (!this.closed) this.arm()
    })
    await this.draining
  }

  /**
   * One try. In the `background` (a timer, start-up, a status move) the user is told by a
   * notification when a publish that had waited goes out, or when one needs them (Retry).
   */
  private async attempt(id: string, item: OutboxItem, background: boolean): Promise<void> {
    try {
      const wp = new WordPressClient(this.connection.current(), this.connection.http)
      const sent = await sendItem(wp, this.ctx.incidents.get(id), item)
      if (this.closed) return
      checkSiteLink(sent.link)
      recordPublished(this.ctx, id, item, sent, background)
    } catch (err) {
      if (this.closed) return
      recordFailed(this.ctx, id, item, err, background)
    }
    this.ctx.changed()
  }

  close(): void {
    this.closed = true
    this.cancelTimer?.()
  }
}

/**
 * A link the site answered with becomes the incident's P2 URL and a link on its timeline: it must
 * pass the address rule, or the publish waits with the reason (Retry finds the same post again).
 */
function checkSiteLink(link: string): void {
  const problem = siteLinkProblem(link)
  if (problem) {
    const shown = link.length > 80 ? `${link.slice(0, 80)}…` : link
    throw new PublishFailure(
      'rejected',
      `The site answered with an address for it (${JSON.stringify(shown)}) that cannot be kept: ${problem}. Check the site's address settings, then Retry.`,
    )
  }
}
