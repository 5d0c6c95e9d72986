import * as updates from '../../domain/comms/update-commands'
import type { FeatureHandlers, HostContext } from '../context'

/** "Posted an update", "Snooze", undo a copy, the cadence: each a domain command. */
export function updateHandlers({
  incidents,
}: HostContext): FeatureHandlers<
  'update:post' | 'update:snooze' | 'update:undo' | 'update:cadence'
> {
  return {
    'update:undo': ({ id, ...input }) => incidents.execute(id, updates.undoUpdate, input),
    'update:cadence': ({ id, ...input }) => incidents.execute(id, updates.chooseCadence, input),
    'update:post': ({ id, ...input }) => incidents.execute(id, updates.postUpdate, input),
    'update:snooze': ({ id, ...input }) => incidents.execute(id, updates.snoozeUpdate, input),
  }
}
