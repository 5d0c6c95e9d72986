import { MINUTE } from '../../domain/comms/cadence'
import { UserError } from '../../domain/incident/errors'
import { isActive } from '../../domain/lifecycle/status'
import { chooseCadence, undoUpdate } from '../../domain/comms/update-commands'
import { actor, commandStamp, eventStamp, type FeatureHandlers, type HostContext } from '../context'

/** "Posted an update" and "Snooze": both on the timeline, both move the reminders. */
export function updateHandlers(
  ctx: HostContext,
): FeatureHandlers<'update:post' | 'update:snooze' | 'update:undo' | 'update:cadence'> {
  const activeIncident = (id: string) => {
    const incident = ctx.incidents.get(id)
    if (!isActive(incident.status)) {
      throw new UserError(
        'not-active',
        `“${incident.title}” is no longer active, so no status update is due.`,
      )
    }
    return incident
  }
  const command = () => commandStamp(ctx)
  const commit = (id: string, event: Parameters<typeof ctx.incidents.commit>[1][number]) => {
    const incident = ctx.incidents.commit(id, [event])
    ctx.changed()
    return ctx.incidents.summary(incident.id)
  }
  return {
    'update:undo': ({ id, updateId }) =>
      commit(id, undoUpdate(ctx.incidents.get(id), updateId, command())),
    'update:cadence': ({ id, choice }) =>
      commit(id, chooseCadence(ctx.incidents.get(id), choice, command())),
    'update:post': ({ id, text }) => {
      activeIncident(id)
      const event = {
        type: 'update.posted' as const,
        ...eventStamp(ctx, id),
        text,
      }
      const incident = ctx.incidents.commit(id, [event])
      ctx.changed()
      return ctx.incidents.summary(incident.id)
    },
    'update:snooze': ({ id, minutes }) => {
      activeIncident(id)
      const now = ctx.now()
      const event = {
        type: 'update.snoozed' as const,
        id: ctx.incidents.eventId(),
        incidentId: id,
        at: now.toISOString(),
        by: actor(ctx),
        minutes,
        until: new Date(now.getTime() + minutes * MINUTE).toISOString(),
      }
      const incident = ctx.incidents.commit(id, [event])
      ctx.changed()
      return ctx.incidents.summary(incident.id)
    },
  }
}
