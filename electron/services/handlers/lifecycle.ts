import { suggestLeads } from '../../domain/lifecycle/lead-suggestion'
import { recurrenceOutcome } from '../../domain/lifecycle/lifecycle'
import * as lifecycle from '../../domain/lifecycle/commands'
import { UserError } from '../../domain/incident/errors'
import { actor, type FeatureHandlers, type HostContext } from '../context'

type Channels =
  | 'incident:move'
  | 'incident:recur'
  | 'incident:setSeverity'
  | 'incident:setLead'
  | 'incident:setKeyTime'
  | 'lead:suggest'

/** Status moves, "It happened again", severity, lead and key times: each a domain command. */
export function lifecycleHandlers(ctx: HostContext): FeatureHandlers<Channels> {
  const { incidents } = ctx
  return {
    'incident:move': ({ id, ...input }) => incidents.execute(id, lifecycle.move, input),
    'incident:recur': ({ id, ...input }) => {
      const old = incidents.get(id)
      if (recurrenceOutcome(old.status, old.keyTimes.resolvedAt, ctx.now()) === 'reopen') {
        incidents.execute(id, lifecycle.reopen, input)
        return { outcome: 'reopened', incident: incidents.summary(id) }
      }
      // More than 48 h after the resolution the policy wants a new incident, linked both ways.
      // The new one is written whole with its link first; if the app stops before the old one is
      // linked back, start-up finishes the pair (electron/store/link-repair.ts).
      if (old.readOnly) throw new UserError('read-only', old.readOnly)
      const record = lifecycle.recurrenceRecord(old, input, actor(ctx))
      const created = incidents.record(record, old.scale, (createdId) =>
        lifecycle.link(
          { ...old, id: createdId },
          { otherId: old.id, otherTitle: old.title, relation: 'recurrence-of' },
          incidents.commandContext(),
        ),
      )
      const back = {
        otherId: created.id,
        otherTitle: created.title,
        relation: 'recurred-as' as const,
      }
      try {
        incidents.execute(id, lifecycle.link, back)
      } catch (err) {
        // Half of the pair is on disk: say so, never "nothing was changed".
        ctx.changed()
        throw new UserError(
          'partly-recorded',
          `The new incident “${created.title}” was recorded, but linking this one to it failed (${String(err)}). The link is completed when the app starts again.`,
        )
      }
      return { outcome: 'new-incident', incident: incidents.summary(created.id) }
    },
    'incident:setSeverity': ({ id, ...input }) =>
      incidents.execute(id, lifecycle.setSeverity, input),
    'incident:setLead': ({ id, ...input }) =>
      incidents.execute(id, lifecycle.setLead, { ...input, rota: ctx.settings.get().rota.people }),
    'incident:setKeyTime': ({ id, ...input }) => incidents.execute(id, lifecycle.setKeyTime, input),
    'lead:suggest': ({ id }) => {
      const incident = incidents.get(id)
      const others = incidents.list().filter((i) => i.id !== id)
      return suggestLeads(ctx.settings.get().rota, others, incident.area, ctx.now())
    },
  }
}
