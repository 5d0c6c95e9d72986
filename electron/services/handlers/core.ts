import type { HostContext, FeatureHandlers } from '../context'
import type { Snapshot } from '../../shared/ipc-contract'

/** Recording, reading incidents and the snapshot (settings:update is in handlers/settings.ts). */
export function coreHandlers(
  ctx: HostContext,
  snapshot: () => Snapshot,
): FeatureHandlers<'state:get' | 'incident:record' | 'incident:get'> {
  const { incidents, settings } = ctx
  return {
    'state:get': () => snapshot(),
    'incident:record': (typed) => {
      // Recording is never refused for want of a name ("only the title is required").
      const input = { ...typed, recorder: typed.recorder || snapshot().defaultRecorder }
      const incident = incidents.record(input, settings.get().severityScale)
      if (!settings.get().you.name) settings.update({ you: { name: input.recorder } })
      ctx.changed()
      return incidents.summary(incident.id)
    },
    'incident:get': ({ id }) => incidents.get(id),
  }
}
