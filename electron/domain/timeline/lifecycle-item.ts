import type { LifecycleItem } from './timeline'

/**
 * The timeline line an event makes (every family's reducer writes its lines with this). `meta`:
 * bookkeeping (copies, snoozes) that stays internal; `internal`: left out of posts and reports.
 */
export function lifecycleItem(
  event: { id: string; at: string; by: string },
  text: string,
  flags: { meta?: boolean; internal?: boolean } = {},
): LifecycleItem {
  const item: LifecycleItem = {
    id: event.id,
    kind: 'lifecycle',
    at: event.at,
    writtenAt: event.at,
    by: event.by,
    text,
  }
  if (flags.internal) item.internal = true
  if (flags.meta) item.meta = true
  return item
}
