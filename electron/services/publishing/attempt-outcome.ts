import { publishFailed, publishSucceeded } from '../../domain/comms/publish-commands'
import type { OutboxItem } from '../../domain/comms/publishing'
import type { HostContext } from '../context'
import { PublishFailure } from './http'

/**
 * A publish went out: recorded by the domain (`publish.done`, the post's address, the checklist
 * items it did). From the background (a timer, start-up, a status move) a publish that had waited
 * is told by a notification.
 */
export function recordPublished(
  ctx: HostContext,
  id: string,
  item: OutboxItem,
  sent: { postId: number; link: string },
  background: boolean,
): void {
  ctx.incidents.execute(id, publishSucceeded, { item, sent })
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
  ctx.incidents.execute(id, publishFailed, {
    requestId: item.id,
    reason: failure.message,
    retry: failure.retry,
  })
  if (background && !failure.retry) {
    ctx.ports.notifier.show({
      title: 'Could not publish to the P2',
      body: `The ${item.label} (${ctx.incidents.get(id).title}): ${failure.message} It waits for Retry.`,
      incidentId: id,
    })
  }
}
