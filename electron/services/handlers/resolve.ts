import { commsChecklist, openItems } from '../../domain/comms/checklist'
import { checklistInput } from '../../domain/comms/from-incident'
import { UserError } from '../../domain/errors'
import { assertCanResolve, resolveChecklist } from '../../domain/resolve-checklist'
import { isActive, STATUS_LABELS } from '../../domain/status'
import type { Incident } from '../../domain/incident'
import type { FeatureHandlers, HostContext } from '../context'

/** Open items of the communication checklist also hold up resolving. */
const communicationExtra = (incident: Incident) => ({
  communicationItemsOpen: openItems(commsChecklist(checklistInput(incident))),
})

/**
 * The resolve checklist and a stand-in move to Resolved (`incident.resolved`); issue 3 owns the
 * real move, which calls assertCanResolve the same way when the branches are merged.
 */
export function resolveHandlers(
  ctx: HostContext,
): FeatureHandlers<'incident:resolveCheck' | 'incident:resolve'> {
  return {
    'incident:resolveCheck': ({ id }) => {
      const incident = ctx.incidents.get(id)
      return resolveChecklist(incident, communicationExtra(incident))
    },
    'incident:resolve': ({ id, solutionSummary, override }) => {
      const incident = ctx.incidents.get(id)
      if (!isActive(incident.status)) {
        throw new UserError(
          'not-active',
          `“${incident.title}” is already ${STATUS_LABELS[incident.status]}.`,
        )
      }
      // The summary given now counts: only what is still open blocks.
      const outstanding = assertCanResolve(
        { ...incident, solutionSummary },
        override,
        communicationExtra(incident),
      )
      const base = {
        incidentId: id,
        at: ctx.now().toISOString(),
        by: ctx.settings.get().you.name || 'Unknown',
      }
      const events = [
        ...(outstanding.length && override
          ? [
              {
                ...base,
                id: ctx.incidents.eventId(),
                type: 'resolve.overridden' as const,
                reason: override.reason,
                outstanding,
              },
            ]
          : []),
        {
          ...base,
          id: ctx.incidents.eventId(),
          type: 'incident.resolved' as const,
          solutionSummary,
        },
      ]
      const next = ctx.incidents.commit(id, events)
      ctx.changed()
      return next
    },
  }
}
