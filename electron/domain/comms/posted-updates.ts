import type { LifecycleItem, TimelineItem, UpdateFacts } from '../timeline/timeline'

export type PostedUpdate = LifecycleItem & { update: UpdateFacts }

/**
 * A status update that counts as posted: written by "Posted…", by copying the P2 status comment
 * or by publishing it, and not taken back. Read from the item's `update` field, never from its
 * wording on the timeline.
 */
export function isPostedUpdate(item: TimelineItem): item is PostedUpdate {
  return item.kind === 'lifecycle' && item.update !== undefined && !item.update.undone
}

/** Every status update that counts as posted, in timeline order. */
export function postedUpdates(timeline: Iterable<TimelineItem>): PostedUpdate[] {
  const posted: PostedUpdate[] = []
  for (const item of timeline) if (isPostedUpdate(item)) posted.push(item)
  return posted
}
