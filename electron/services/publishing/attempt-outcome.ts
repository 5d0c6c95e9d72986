import { commsChecklist } from '../../domain/comms/checklist'
import { checklistInput } from '../../domain/comms/from-incident'
import type { OutboxItem } from '../../domain/comms/publishing'
import type { NewEvent } from '../../domain/events'
import { STATUS_TAGS, STATUSES } from '../../domain/lifecycle/status'
import { eventStamp, type HostContext } from '../context'
import { PublishFailure } from './http'

/**
 * A publish went out: `publish.done`, the post's address, and the checklist items it did (the
 * post, the status tag it set), in one commit. From the background (a timer, start-up, a status
 * move) a publish that had waited is told by a notification.
 */
export function recordPublished(
  ctx: HostContext,
  id: string,
  item: OutboxItem,
  sent: { postId: number; link: string },
  background: boolean,
): void {
  const base = () => eventStamp(ctx, id)
  const events: NewEvent[] = [
    { ...base(), type: 'publish.done', requestId: item.id, postId: sent.postId, link: sent.link },
  ]
  if (item.kind === 'post') events.push({ ...base(), type: 'comms.p2UrlSet', url: sent.link })
  const status = STATUSES.find((s) => STATUS_TAGS[s] === `#${item.statusTag}`)
  const did = [item.kind === 'post' ? 'p2-posted' : '', status ? `p2-tag-${status}` : '']
  for (const tick of commsChecklist(checklistInput(ctx.incidents.get(id)))) {
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
  ctx.incidents.commit(id, events)
  if (background && item.attempts > 0) {
    ctx.ports.notifier.show({
      title: 'Published to the P2',
      body: `The ${item.label} that was waiting is published (${ctx.incidents.get(id).title}).`,
      incidentId: id,
    })
  }
}

/**
 * A publish failed: `publish.failed` with the reason and whether it retries by itself. From the
 * background, one that needs the user (no retry) is told by a notification.
 */
export function recordFailed(
  ctx: HostContext,
  id: string,
  item: OutboxItem,
  err: unknown,
  background: boolean,
): void {
  const failure =
    err instanceof PublishFailure
      ? err
      : new PublishFailure('unreachable', `Publishing failed: ${String(err)}`, { retry: true })
  ctx.incidents.commit(id, [
    {
      ...eventStamp(ctx, id),
      type: 'publish.failed',
      requestId: item.id,
      reason: failure.message,
      retry: failure.retry,
    },
  ])
  if (background && !failure.retry) {
    ctx.ports.notifier.show({
      title: 'Could not publish to the P2',
      body: `The ${item.label} (${ctx.incidents.get(id).title}): ${failure.message} It waits for Retry.`,
      incidentId: id,
    })
  }
}
