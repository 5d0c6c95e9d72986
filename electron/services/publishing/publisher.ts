import { commsChecklist } from '../../domain/comms/checklist'
import { checklistInput, toCommsView } from '../../domain/comms/from-incident'
import { textToHtml } from '../../domain/comms/html'
import { renderOutputs } from '../../domain/comms/outputs'
import { UserError } from '../../domain/errors'
import type { NewEvent } from '../../domain/events'
import type { Incident } from '../../domain/incident'
import {
  nextAttemptAt,
  NO_PUBLISHING,
  PUBLISH_LABELS,
  publishMarker,
  swapStatusTag,
  withMarker,
  type OutboxItem,
  type PublishKind,
} from '../../domain/publishing'
import { STATUS_TAGS, STATUSES, type Status } from '../../domain/status'
import { postByCopy } from '../../domain/update-commands'
import type {
  ConnectionView,
  PublishOutcome,
  PublishPreview,
} from '../../shared/publishing-contract'
import type { HostContext } from '../context'
import { PublishFailure } from './http'
import { siteAddress, WordPressClient, type Connection } from './wordpress'

export const SECRET_KEY = 'publishing-password'

const tagOf = (status: Status) => STATUS_TAGS[status].slice(1)

/**
 * Publishing to the P2: previews, the outbox drain with retries through the clock port, and the
 * status tag that follows status moves. Every send goes through the outbox in the incident's log.
 */
export class Publisher {
  private draining: Promise<void> | null = null
  private again = false
  private cancelTimer: (() => void) | undefined
  private seenStatus = new Map<string, Status>()
  private closed = false

  constructor(
    private readonly ctx: HostContext,
    private readonly http: { timeoutMs?: number; maxBytes?: number } = {},
  ) {
    for (const s of ctx.incidents.list()) this.seenStatus.set(s.id, s.status)
  }

  private get secrets() {
    return this.ctx.ports.secrets
  }

  view(): ConnectionView {
    const { url, user, followStatus } = this.ctx.settings.get().publishing
    return {
      url,
      user,
      followStatus,
      hasPassword: Boolean(this.secrets?.get(SECRET_KEY)),
      keychain: Boolean(this.secrets),
    }
  }

  connected(): boolean {
    const { url, user } = this.ctx.settings.get().publishing
    return Boolean(url && user && this.secrets?.get(SECRET_KEY))
  }

  private connection(): Connection {
    const { url, user } = this.ctx.settings.get().publishing
    const password = this.secrets?.get(SECRET_KEY)
    if (!url || !user || !password) {
      throw new PublishFailure(
        'refused',
        'No site is connected: add the address, user and application password in Settings → Publishing.',
      )
    }
    return { url, user, password }
  }

  /** Checks a connection and saves it only when the site accepts it. */
  async connect(input: { url: string; user: string; password?: string | undefined }) {
    if (!this.secrets) {
      throw new UserError(
        'no-keychain',
        'The OS keychain is not available: the password cannot be kept safely here.',
      )
    }
    const password = input.password || this.secrets.get(SECRET_KEY)
    if (!password) throw new UserError('no-password', 'Enter the application password.')
    const url = asUserError(() => siteAddress(input.url))
    const checked = await this.check({ url, user: input.user, password })
    this.ctx.settings.update({ publishing: { url, user: input.user } })
    this.secrets.set(SECRET_KEY, password)
    this.ctx.changed()
    this.kick()
    return { ...this.view(), site: checked.name }
  }

  async test(): Promise<{ site: string; user: string }> {
    const connection = asUserError(() => this.connection())
    const checked = await this.check(connection)
    return { site: checked.name, user: checked.user }
  }

  disconnect(): ConnectionView {
    this.secrets?.set(SECRET_KEY, null)
    this.ctx.settings.update({ publishing: { url: '', user: '' } })
    this.ctx.changed()
    return this.view()
  }

  private async check(connection: Connection) {
    try {
      return await new WordPressClient(connection, this.http).check()
    } catch (err) {
      if (err instanceof PublishFailure) throw new UserError(`publish-${err.kind}`, err.message)
      throw err
    }
  }

  preview(id: string, kind: PublishKind): PublishPreview {
    const incident = this.ctx.incidents.get(id)
    const p = this.content(incident, kind)
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

  private content(incident: Incident, kind: PublishKind) {
    const settings = this.ctx.settings.get()
    const view = toCommsView(incident, settings)
    const render = (output: 'p2-post' | 'p2-comment') =>
      renderOutputs(view, settings.templates, false, output, { html: true }).find(
        (o) => o.id === output,
      )!
    const statusTag = tagOf(incident.status)
    switch (kind) {
      case 'post': {
        const out = render('p2-post')
        return {
          title: out.title ?? incident.title,
          content: out.html ?? textToHtml(out.text),
          text: out.text,
          statusTag,
        }
      }
      case 'comment': {
        const out = render('p2-comment')
        return {
          content: out.html ?? textToHtml(out.text),
          text: out.text,
          news: view.sinceLastUpdate.length > 0,
        }
      }
      case 'tags':
        return { content: '', text: `Status tag: ${statusTag} (other tags kept)`, statusTag }
      case 'resolved-edit': {
        const out = render('p2-post')
        const title = out.title ?? incident.title
        return {
          title: /^resolved\b/i.test(title) ? title : `Resolved: ${title}`,
          content: out.html ?? textToHtml(out.text),
          text: out.text,
          statusTag: tagOf('resolved'),
        }
      }
    }
  }

  /** Queues a publish in the incident's log, then tries it at once. */
  async publish(id: string, kind: PublishKind): Promise<PublishOutcome> {
    const incident = this.ctx.incidents.get(id)
    if (kind !== 'post' && !incident.publishing?.post && !queuedPost(incident)) {
      throw new UserError('no-post', 'Publish the incident post first: the rest goes on it.')
    }
    if (kind === 'post' && (incident.publishing?.post || queuedPost(incident))) {
      throw new UserError(
        'already-posted',
        'The incident post is already published (or waiting to be).',
      )
    }
    if (
      kind === 'resolved-edit' &&
      incident.status !== 'resolved' &&
      incident.status !== 'reviewed'
    ) {
      throw new UserError('not-resolved', 'The resolved edit is for a resolved incident.')
    }
    const requestId = this.queue(incident, kind)
    await this.drain()
    return this.outcome(id, requestId)
  }

  private queue(incident: Incident, kind: PublishKind): string {
    const p = this.content(incident, kind)
    const requestId = this.ctx.incidents.eventId()
    const base = { incidentId: incident.id, at: this.ctx.now().toISOString(), by: this.by() }
    const events: NewEvent[] = [
      {
        ...base,
        id: requestId,
        type: 'publish.queued',
        kind,
        content: p.content,
        ...(p.title !== undefined ? { title: p.title } : {}),
        ...(p.statusTag ? { statusTag: p.statusTag } : {}),
      },
    ]
    // Publishing the status comment is posting the update, as copying it is.
    if (kind === 'comment') {
      const posted = postByCopy(
        incident,
        { text: p.text, news: 'news' in p ? (p.news ?? true) : true },
        { eventId: this.ctx.incidents.eventId(), now: this.ctx.now(), by: this.by() },
      )
      if (posted) events.push(posted)
    }
    this.ctx.incidents.commit(incident.id, events)
    this.ctx.changed()
    return requestId
  }

  async retry(id: string, requestId: string): Promise<PublishOutcome> {
    this.item(id, requestId)
    await this.drain([{ id, requestId }])
    return this.outcome(id, requestId)
  }

  cancel(id: string, requestId: string): { cancelled: true } {
    this.item(id, requestId)
    this.ctx.incidents.commit(id, [
      {
        id: this.ctx.incidents.eventId(),
        incidentId: id,
        at: this.ctx.now().toISOString(),
        by: this.by(),
        type: 'publish.cancelled',
        requestId,
      },
    ])
    this.ctx.changed()
    return { cancelled: true }
  }

  private item(id: string, requestId: string): OutboxItem {
    const item = this.ctx.incidents.get(id).publishing?.outbox.find((i) => i.id === requestId)
    if (!item) throw new UserError('not-found', 'That publish is no longer waiting.')
    return item
  }

  private outcome(id: string, requestId: string): PublishOutcome {
    const state = this.ctx.incidents.get(id).publishing ?? NO_PUBLISHING
    const done = state.published.find((p) => p.id === requestId)
    if (done) return { outcome: 'published', requestId, link: done.link }
    const waiting = state.outbox.find((i) => i.id === requestId)
    return { outcome: 'queued', requestId, reason: waiting?.lastError ?? 'Waiting to publish.' }
  }

  private by() {
    return this.ctx.settings.get().you.name || 'Unknown'
  }

  /** After every change: follow status moves with the tag, and arm the retry timer. */
  onChanged(): void {
    if (this.closed) return
    for (const s of this.ctx.incidents.list()) {
      const before = this.seenStatus.get(s.id)
      this.seenStatus.set(s.id, s.status)
      if (before === undefined || before === s.status) continue
      if (!this.connected() || !this.ctx.settings.get().publishing.followStatus) continue
      const incident = this.ctx.incidents.get(s.id)
      if (!incident.publishing?.post && !queuedPost(incident)) continue
      this.queue(incident, 'tags')
      this.kick()
    }
    this.arm()
  }

  private waiting(): { id: string; item: OutboxItem }[] {
    return this.ctx.incidents
      .list()
      .filter((s) => (s.publishWaiting ?? 0) > 0)
      .flatMap((s) =>
        (this.ctx.incidents.get(s.id).publishing?.outbox ?? []).map((item) => ({ id: s.id, item })),
      )
  }

  private arm(): void {
    this.cancelTimer?.()
    this.cancelTimer = undefined
    const times = this.waiting()
      .map(({ item }) => nextAttemptAt(item))
      .filter((t): t is number => t !== null)
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
          const at = nextAttemptAt(item)
          if (!forced && (at === null || at > now)) continue
          await this.attempt(id, item)
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

  private async attempt(id: string, item: OutboxItem): Promise<void> {
    const base = () => ({
      id: this.ctx.incidents.eventId(),
      incidentId: id,
      at: this.ctx.now().toISOString(),
      by: this.by(),
    })
    try {
      const wp = new WordPressClient(this.connection(), this.http)
      const sent = await this.send(wp, this.ctx.incidents.get(id), item)
      if (this.closed) return
      const events: NewEvent[] = [
        {
          ...base(),
          type: 'publish.done',
          requestId: item.id,
          postId: sent.postId,
          link: sent.link,
        },
      ]
      if (item.kind === 'post') events.push({ ...base(), type: 'comms.p2UrlSet', url: sent.link })
      // The checklist items this publish did: the post, and the status tag it set.
      const status = STATUSES.find((s) => STATUS_TAGS[s] === `#${item.statusTag}`)
      const did = [item.kind === 'post' ? 'p2-posted' : '', status ? `p2-tag-${status}` : '']
      for (const tick of commsChecklist(checklistInput(this.ctx.incidents.get(id)))) {
        if (did.includes(tick.id) && !tick.done) {
          events.push({
            ...base(),
            type: 'comms.checked',
            item: tick.id,
            label: tick.label,
            done: true,
          })
        }
      }
      this.ctx.incidents.commit(id, events)
    } catch (err) {
      if (this.closed) return
      const failure =
        err instanceof PublishFailure
          ? err
          : new PublishFailure('unreachable', `Publishing failed: ${String(err)}`, { retry: true })
      this.ctx.incidents.commit(id, [
        {
          ...base(),
          type: 'publish.failed',
          requestId: item.id,
          reason: failure.message,
          retry: failure.retry,
        },
      ])
    }
    this.ctx.changed()
  }

  /** One item to the site; looks for its marker first so a retry never makes it twice. */
  private async send(wp: WordPressClient, incident: Incident, item: OutboxItem) {
    const marker = publishMarker(item.id)
    const post = incident.publishing?.post
    const tagsWith = async (postId: number, tag: string) => {
      const current = await wp.getPost(postId)
      const names = await wp.tagNames(current.tags)
      const wanted = swapStatusTag([...names.values()], tag)
      const ids: number[] = []
      for (const name of wanted) ids.push(await wp.tagId(name))
      return ids
    }
    switch (item.kind) {
      case 'post': {
        const found = await wp.findPost(marker)
        if (found) return { postId: found.id, link: found.link }
        const tags = item.statusTag ? [await wp.tagId(item.statusTag)] : []
        const made = await wp.createPost({
          title: item.title ?? incident.title,
          content: withMarker(item.content, item.id),
          tags,
        })
        return { postId: made.id, link: made.link }
      }
      case 'comment': {
        if (!post)
          throw new PublishFailure(
            'rejected',
            'The incident post is not published yet; the comment waits for it.',
            { retry: true },
          )
        const found = await wp.findComment(post.id, marker)
        if (found) return { postId: post.id, link: found.link }
        const made = await wp.createComment(post.id, withMarker(item.content, item.id))
        return { postId: post.id, link: made.link }
      }
      case 'tags':
      case 'resolved-edit': {
        if (!post)
          throw new PublishFailure(
            'rejected',
            'The incident post is not published yet; this waits for it.',
            { retry: true },
          )
        const tags = await tagsWith(post.id, item.statusTag ?? tagOf(incident.status))
        const changes =
          item.kind === 'resolved-edit'
            ? {
                title: item.title ?? incident.title,
                content: withMarker(item.content, item.id),
                tags,
              }
            : { tags }
        const made = await wp.updatePost(post.id, changes)
        return { postId: made.id, link: made.link }
      }
    }
  }

  close(): void {
    this.closed = true
    this.cancelTimer?.()
  }
}

function queuedPost(incident: Incident): boolean {
  return (incident.publishing?.outbox ?? []).some((i) => i.kind === 'post')
}

function asUserError<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof PublishFailure) throw new UserError(`publish-${err.kind}`, err.message)
    throw err
  }
}
