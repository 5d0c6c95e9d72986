import { communicationExtra, resolve } from '../../domain/lifecycle/commands'
import { resolveChecklist } from '../../domain/lifecycle/resolve-checklist'
import type { FeatureHandlers, HostContext } from '../context'

/** What still holds up resolving, and the one way to Resolved (`resolve` in the domain). */
export function resolveHandlers({
  incidents,
}: HostContext): FeatureHandlers<'incident:resolveCheck' | 'incident:resolve'> {
  return {
    'incident:resolveCheck': ({ id }) => {
      const incident = incidents.get(id)
      return resolveChecklist(incident, communicationExtra(incident))
    },
    'incident:resolve': ({ id, ...input }) => incidents.execute(id, resolve, input),
  }
}
