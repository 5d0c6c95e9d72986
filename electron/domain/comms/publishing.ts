import { z } from 'zod'
import type { NewEvent } from '../events'
import { defineEvents, text, type EventOf, type EventsOf } from '../event-base'
import { STORED_DOCUMENT_MAX } from '../incident/input-rules'

/**
 * Publishing to the P2 (a WordPress site) through an outbox kept in the incident's log: a
 * publish is first queued as an event, then each attempt's outcome is an event too, so a publish
 * that could not reach the site is never lost (it is still queued after a restart) and is never
 * made twice (its marker, the queued event's id, is in what was published; a retry looks for it
 * before sending again).
 */
export const PUBLISH_KINDS = ['post', 'comment', 'tags', 'resolved-edit'] as const
export type PublishKind = (typeof PUBLISH_KINDS)[number]

export const PUBLISH_LABELS: Record<PublishKind, string> = {
  post: 'P2 incident post',
  comment: 'P2 status comment',
  tags: 'P2 status tag',
  'resolved-edit': 'resolved edit of the P2 post',
}

export const PUBLISH_EVENTS = defineEvents({
  /** A publish the user asked for: what to send, kept whole so a retry sends the same. */
  'publish.queued': {
    kind: z.enum(PUBLISH_KINDS),
    /** The post's title (post, resolved edit). */
    title: text.optional(),
    /**
     * HTML (post, comment, resolved edit); '' for a tag change. The whole post as the app made it
     * from the incident: a document, not a typed field.
     */
    content: z.string().max(STORED_DOCUMENT_MAX),
    /** The `status-*` tag the post should carry afterwards (post, tags, resolved edit). */
    statusTag: text.optional(),
    /**
     * The install that queued it: only that install sends it by itself (absent before version
     * 3; such an item waits for one Retry click). An install's id never travels in a backup.
     */
    installId: text.optional(),
  },
  /** Retry clicked on this install for an item queued elsewhere (or before installs had ids). */
  'publish.claimed': { requestId: text, installId: text },
  /**
   * The post binding of a log that came from outside (an imported backup): this install may not
   * publish on that post until it is bound again from here.
   */
  'publish.unbound': { postId: z.number().int(), link: text, reason: text },
  'publish.done': {
    requestId: text,
    /** The post's id on the site (for a comment: the post it is on). */
    postId: z.number().int(),
    link: text,
  },
  'publish.failed': {
    requestId: text,
    reason: text,
    /** Whether trying again later can help (the site was down), or a person must act first. */
    retry: z.boolean(),
  },
  /** Taken out of the outbox; `reason` 'imported' when an import made it inert. */
  'publish.cancelled': { requestId: text, reason: text.optional() },
})

export type PublishQueued = EventOf<(typeof PUBLISH_EVENTS)['publish.queued']>
export type PublishDone = EventOf<(typeof PUBLISH_EVENTS)['publish.done']>
export type PublishFailed = EventOf<(typeof PUBLISH_EVENTS)['publish.failed']>
export type PublishCancelled = EventOf<(typeof PUBLISH_EVENTS)['publish.cancelled']>
export type PublishClaimed = EventOf<(typeof PUBLISH_EVENTS)['publish.claimed']>
export type PublishUnbound = EventOf<(typeof PUBLISH_EVENTS)['publish.unbound']>
export type PublishEvent = EventsOf<typeof PUBLISH_EVENTS>

export interface OutboxItem {
  /** The queued event's id: the marker in what is published. */
  id: string
  kind: PublishKind
  label: string
  title?: string
  content: string
  statusTag?: string
  queuedAt: string
  attempts: number
  lastAttemptAt: string | null
  lastError: string | null
  /** False after a failure only a person can fix: it waits for Retry. */
  autoRetry: boolean
  /** The install that may send it by itself; null: queued before installs had ids. */
  installId: string | null
}

export interface PublishedItem {
  id: string
  kind: PublishKind
  label: string
  link: string
  at: string
}

export interface PublishingState {
  /** The incident post on the site, once published. */
  post: { id: number; link: string } | null
  outbox: OutboxItem[]
  published: PublishedItem[]
  /** A post bound elsewhere and unbound on import: shown, never published on from here. */
  foreignPost?: { id: number; link: string } | null
}

export const NO_PUBLISHING: PublishingState = { post: null, outbox: [], published: [] }

/**
 * Sent by itself only by the install that queued it: a log from a backup, or queued before
 * installs had ids, waits for the user's Retry.
 */
export function sendsByItself(item: OutboxItem, installId: string): boolean {
  return item.installId === installId && nextAttemptAt(item) !== null
}

/** The marker a published item carries (in an HTML comment), from the event that queued it. */
export function publishMarker(requestId: string): string {
  return `incident-tray-publish-${requestId}`
}

/** `content` with its marker, as it is sent. */
export function withMarker(content: string, requestId: string): string {
  return `${content}\n<!-- ${publishMarker(requestId)} -->`
}

/** Waits between automatic retries: 30 s, 1, 2, 4 … minutes, at most 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000)
}

/** When the item is tried again by itself, or null when it waits for the user. */
export function nextAttemptAt(item: OutboxItem): number | null {
  if (!item.autoRetry) return null
  if (!item.lastAttemptAt) return Date.parse(item.queuedAt)
  return Date.parse(item.lastAttemptAt) + retryDelayMs(item.attempts)
}

/** The publishing state after one event, and the timeline line it makes. */
export function applyPublishEvent(
  state: PublishingState,
  event: PublishEvent,
): { state: PublishingState; text: string } {
  switch (event.type) {
    case 'publish.queued': {
      const item: OutboxItem = {
        id: event.id,
        kind: event.kind,
        label: PUBLISH_LABELS[event.kind],
        content: event.content,
        queuedAt: event.at,
        attempts: 0,
        lastAttemptAt: null,
        lastError: null,
        autoRetry: true,
        installId: event.installId ?? null,
        ...(event.title !== undefined ? { title: event.title } : {}),
        ...(event.statusTag !== undefined ? { statusTag: event.statusTag } : {}),
      }
      const what = event.kind === 'tags' ? `${item.label} ${event.statusTag}` : item.label
      return {
        state: { ...state, outbox: [...state.outbox, item] },
        text: `Publishing the ${what}`,
      }
    }
    case 'publish.done': {
      const item = state.outbox.find((i) => i.id === event.requestId)
      const label = item?.label ?? 'item'
      const post =
        item?.kind === 'post' || !state.post ? { id: event.postId, link: event.link } : state.post
      return {
        state: {
          post: item?.kind === 'comment' ? (state.post ?? null) : post,
          outbox: state.outbox.filter((i) => i.id !== event.requestId),
          published: item
            ? [
                ...state.published,
                { id: item.id, kind: item.kind, label, link: event.link, at: event.at },
              ]
            : state.published,
        },
        text: `Published the ${label}: ${event.link}`,
      }
    }
    case 'publish.failed': {
      const item = state.outbox.find((i) => i.id === event.requestId)
      return {
        state: {
          ...state,
          outbox: state.outbox.map((i) =>
            i.id === event.requestId
              ? {
                  ...i,
                  attempts: i.attempts + 1,
                  lastAttemptAt: event.at,
                  lastError: event.reason,
                  autoRetry: event.retry,
                }
              : i,
          ),
        },
        text: `Could not publish the ${item?.label ?? 'item'}: ${event.reason}`,
      }
    }
    case 'publish.cancelled':
    case 'publish.claimed':
    case 'publish.unbound':
      return applyBindingEvent(state, event)
    default: {
      const unknown: never = event
      throw new Error(`Unknown publishing event ${(unknown as { type: string }).type}`)
    }
  }
}

/**
 * Who may send what: an item cancelled (by the user, or by an import), claimed by this install's
 * Retry, a post binding dropped on import.
 */
function applyBindingEvent(
  state: PublishingState,
  event: PublishCancelled | PublishClaimed | PublishUnbound,
): { state: PublishingState; text: string } {
  if (event.type === 'publish.cancelled') {
    const item = state.outbox.find((i) => i.id === event.requestId)
    const why = event.reason === 'imported' ? ': it came with an imported backup' : ''
    return {
      state: { ...state, outbox: state.outbox.filter((i) => i.id !== event.requestId) },
      text: `Cancelled publishing the ${item?.label ?? 'item'}${why}`,
    }
  }
  if (event.type === 'publish.unbound') {
    return {
      state: { ...state, post: null, foreignPost: { id: event.postId, link: event.link } },
      text: `Not publishing on the P2 post ${event.link} from here: it came with an imported backup`,
    }
  }
  const item = state.outbox.find((i) => i.id === event.requestId)
  return {
    state: {
      ...state,
      outbox: state.outbox.map((i) =>
        i.id === event.requestId ? { ...i, installId: event.installId } : i,
      ),
    },
    text: `Publishing the ${item?.label ?? 'item'} from this computer (Retry)`,
  }
}

/** The post's tags after a status move: every `status-*` tag swapped for the new one. */
export function swapStatusTag(current: string[], statusTag: string): string[] {
  return [...current.filter((t) => !t.startsWith('status-')), statusTag]
}

/**
 * What an import appends to a log that came from outside: every queued publish cancelled, the
 * post binding dropped (kept as foreign). Imported history is history, never instructions.
 */
export function inertAfterImport(
  incident: { id: string; publishing?: PublishingState },
  stamp: () => { id: string; incidentId: string; at: string; by: string },
): NewEvent<PublishCancelled | PublishUnbound>[] {
  const state = incident.publishing ?? NO_PUBLISHING
  const events: NewEvent<PublishCancelled | PublishUnbound>[] = state.outbox.map((item) => ({
    ...stamp(),
    type: 'publish.cancelled',
    requestId: item.id,
    reason: 'imported',
  }))
  if (state.post) {
    events.push({
      ...stamp(),
      type: 'publish.unbound',
      postId: state.post.id,
      link: state.post.link,
      reason: 'imported',
    })
  }
  return events
}
