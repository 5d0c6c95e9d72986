import { incidentData } from '../../domain/incident'
import { shownWindow, timelineWindow } from '../../domain/timeline/window'
import type { HostContext, FeatureHandlers } from '../context'
import type { Snapshot } from '../../shared/ipc-contract'
import type { NoticeBoard } from '../notices'

/** Recording, reading incidents and the snapshot (settings:update is in handlers/settings.ts). */
export function coreHandlers(
  ctx: HostContext,
  snapshot: () => Snapshot,
  notices: NoticeBoard,
): FeatureHandlers<
  'state:get' | 'notice:dismiss' | 'incident:record' | 'incident:get' | 'timeline:window'
> {
  const { incidents, settings } = ctx
  return {
    'state:get': () => snapshot(),
    'notice:dismiss': ({ id }) => {
      notices.dismiss(id)
      return snapshot()
    },
    'incident:record': (typed) => {
      // Recording is never refused for want of a name ("only the title is required").
      const input = { ...typed, recorder: typed.recorder || snapshot().defaultRecorder }
      const incident = incidents.record(input, settings.get().severityScale)
      if (!settings.get().you.name) settings.update({ you: { name: input.recorder } })
      ctx.changed()
      return incidents.summary(incident.id)
    },
    'incident:get': ({ id }) => incidentData(incidents.get(id)),
    'timeline:window': ({ id, ...window }) => {
      const incident = incidents.get(id)
      return shownWindow(timelineWindow(incident.timeline, window), incident.audience)
    },
  }
}
