import { commsChecklist, openItems } from '../../domain/comms/checklist'
import { checklistInput } from '../../domain/comms/from-incident'
import type { Incident } from '../../domain/incident'
import { checkMove } from '../../domain/lifecycle/lifecycle'
import { assertCanResolve, resolveChecklist } from '../../domain/lifecycle/resolve-checklist'
import { actor, type FeatureHandlers, type HostContext } from '../context'

/** Open items of the communication checklist also hold up resolving. */
const communicationExtra = (incident: Incident) => ({
  communicationItemsOpen: openItems(commsChecklist(checklistInput(incident))),
})

/**
 * The one way to Resolved: the policy's graph allows the move, a solution summary is given, and
 * nothing is left silenced, undone or uncommunicated, unless the user overrides with a reason,
 * which goes on the timeline. Both "Resolve…" and the status control's move come here.
 */
export function resolveIncident(
  ctx: HostContext,
  id: string,
  solutionSummary: string | undefined,
  override?: { reason: string },
): Incident {
  const incident = ctx.incidents.get(id)
  checkMove(incident.status, 'resolved')
  // The summary given now counts: only what is still open blocks.
  const outstanding = assertCanResolve(
    { ...incident, solutionSummary: solutionSummary ?? null },
    override,
    communicationExtra(incident),
  )
  const base = {
    incidentId: id,
    at: ctx.now().toISOString(),
    by: actor(ctx),
  }
  const next = ctx.incidents.commit(id, [
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
      type: 'status.changed' as const,
      from: incident.status,
      to: 'resolved' as const,
      summary: solutionSummary!,
    },
  ])
  ctx.changed()
  return next
}

export function resolveHandlers(
  ctx: HostContext,
): FeatureHandlers<'incident:resolveCheck' | 'incident:resolve'> {
  return {
    'incident:resolveCheck': ({ id }) => {
      const incident = ctx.incidents.get(id)
      return resolveChecklist(incident, communicationExtra(incident))
    },
    'incident:resolve': ({ id, solutionSummary, override }) =>
      resolveIncident(ctx, id, solutionSummary, override),
  }
}
