import { stamp, type Command } from '../command'
import type { NewEvent } from '../events'
import { UserError } from '../incident/errors'
import type { Incident } from '../incident'
import { STATUS_TAGS, STATUSES } from '../lifecycle/status'
import { commsChecklist } from './checklist'
import { checklistInput } from './from-incident'
import { textToHtml } from './html'
import { assertPublishable } from './publish-rules'
import type { OutboxItem, PublishKind } from './publishing'
import { postStatusComment, type CommentSettings } from './status-comment'

/** What a publish sends, as rendered for the site: the post's HTML, its title, its status tag. */
export interface PublishContent {
  content: string
  title?: string | undefined
  statusTag?: string | undefined
}

/**
 * Queues a publish in the outbox (`publish.queued`, whose id is the marker in what is sent).
 * Publishing the status comment is posting the update, as copying it is: the update is recorded
 * in the same commit and the comment sends the text rendered from the incident once it counts;
 * every other kind sends the `content` the caller rendered.
 */
export const queuePublish: Command<{
  kind: PublishKind
  /** The install that queues it: only that one sends it by itself. */
  installId: string
  settings: CommentSettings
  /** What to send; null for the status comment, which this command renders. */
  content: PublishContent | null
}> = (incident, input, ctx) => {
  assertPublishable(incident, input.kind)
  const posted =
    input.kind === 'comment'
      ? postStatusComment(incident, { settings: input.settings }, ctx)[0]
      : null
  const p = posted ? { content: textToHtml(posted.text) } : input.content
  if (!p) throw new Error(`A ${input.kind} publish needs its content.`)
  const queued: NewEvent = {
    ...stamp(incident, ctx),
    type: 'publish.queued',
    kind: input.kind,
    content: p.content,
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.statusTag ? { statusTag: p.statusTag } : {}),
    installId: input.installId,
  }
  return posted ? [queued, posted] : [queued]
}

/** The outbox item a request names, or a refusal the user can read. */
export function outboxItem(incident: Incident, requestId: string): OutboxItem {
  const item = incident.publishing?.outbox.find((i) => i.id === requestId)
  if (!item) throw new UserError('not-found', 'That publish is no longer waiting.')
  return item
}

/**
 * Retry clicked: an item queued elsewhere (or before installs had ids) becomes this install's, so
 * later automatic retries may send it. Nothing to write when it is this install's already.
 */
export const claimPublish: Command<{ requestId: string; installId: string }> = (
  incident,
  { requestId, installId },
  ctx,
) =>
  outboxItem(incident, requestId).installId === installId
    ? []
    : [{ ...stamp(incident, ctx), type: 'publish.claimed', requestId, installId }]

/** Cancel: the item leaves the outbox. */
export const cancelPublish: Command<{ requestId: string }> = (incident, { requestId }, ctx) => {
  outboxItem(incident, requestId)
  return [{ ...stamp(incident, ctx), type: 'publish.cancelled', requestId }]
}

/**
 * A publish went out: `publish.done`, the post's address as the incident's P2 URL, and the
 * checklist items it did (the post, the status tag it set), in one commit.
 */
export const publishSucceeded: Command<{
  item: OutboxItem
  sent: { postId: number; link: string }
}> = (incident, { item, sent }, ctx) => {
  const events: NewEvent[] = [
    {
      ...stamp(incident, ctx),
      type: 'publish.done',
      requestId: item.id,
      postId: sent.postId,
      link: sent.link,
    },
  ]
  if (item.kind === 'post') {
    events.push({ ...stamp(incident, ctx), type: 'comms.p2UrlSet', url: sent.link })
  }
  const status = STATUSES.find((s) => STATUS_TAGS[s] === `#${item.statusTag}`)
  const did = [item.kind === 'post' ? 'p2-posted' : '', status ? `p2-tag-${status}` : '']
  for (const tick of commsChecklist(checklistInput(incident))) {
    if (did.includes(tick.id) && !tick.done) {
      events.push({
        ...stamp(incident, ctx),
        type: 'comms.checked',
        item: tick.id,
        label: tick.label,
        done: true,
      })
    }
  }
  return events
}

/** A try failed: the reason, and whether trying again later can help. */
export const publishFailed: Command<{ requestId: string; reason: string; retry: boolean }> = (
  incident,
  input,
  ctx,
) => [{ ...stamp(incident, ctx), type: 'publish.failed', ...input }]
