import { UserError } from '../../domain/incident/errors'
import type { Incident } from '../../domain/incident'
import { isActive } from '../../domain/lifecycle/status'
import { findEntry, type Entry } from '../../domain/timeline/timeline'
import {
  addEntry,
  deleteEntry,
  editEntry,
  restoreEntry,
  unmaskEntry,
} from '../../domain/timeline/commands'
import { setAudience } from '../../domain/comms/update-commands'
import type { FeatureHandlers, HostContext } from '../context'

/** The author of what this user writes: their name from settings, else the incident's recorder. */
export function author(ctx: HostContext, incident: Incident): string {
  return ctx.settings.get().you.name || incident.recorder
}

export function commandContext(ctx: HostContext, incident: Incident) {
  return { eventId: ctx.incidents.eventId(), now: ctx.now(), by: author(ctx, incident) }
}

/**
 * A resolved or reviewed incident is a closed record: its timeline is read-only. If it happened
 * again, the recurrence rule reopens it (within 48 hours) or records a linked incident.
 */
export function writableIncident(ctx: HostContext, id: string): Incident {
  const incident = ctx.incidents.get(id)
  if (!isActive(incident.status)) {
    throw new UserError(
      'read-only',
      `“${incident.title}” is ${incident.status}: its timeline is read-only. If it happened again, choose “It happened again…” on the incident; later findings belong in its retrospective.`,
    )
  }
  return incident
}

/** The entry as it is after a commit. */
export function entryAfter(incident: Incident, entryId: string): Entry {
  const entry = findEntry(incident.timeline, entryId)
  if (!entry) throw new Error(`entry ${entryId} missing after commit`)
  return entry
}

/** Notes, pastes, links and actions: add, edit, delete, restore, unmask. Nothing is destroyed. */
export function timelineHandlers(
  ctx: HostContext,
): FeatureHandlers<
  | 'timeline:add'
  | 'timeline:edit'
  | 'timeline:delete'
  | 'timeline:restore'
  | 'timeline:unmask'
  | 'timeline:audience'
> {
  const { incidents } = ctx
  const change = (
    incidentId: string,
    entryId: string,
    decide: (
      incident: Incident,
      c: ReturnType<typeof commandContext>,
    ) => Parameters<typeof incidents.commit>[1][number],
    closedToo = false,
  ): Entry => {
    const incident = closedToo ? incidents.get(incidentId) : writableIncident(ctx, incidentId)
    const event = decide(incident, commandContext(ctx, incident))
    const next = incidents.commit(incidentId, [event])
    ctx.changed()
    return entryAfter(next, entryId)
  }
  return {
    'timeline:add': ({ incidentId, entry, occurredAt, verified }) => {
      const incident = writableIncident(ctx, incidentId)
      const event = addEntry(
        incident,
        entry,
        { occurredAt, verified },
        commandContext(ctx, incident),
      )
      const next = incidents.commit(incidentId, [event])
      ctx.changed()
      return entryAfter(next, event.entryId)
    },
    'timeline:edit': ({ incidentId, entryId, changes }) =>
      change(incidentId, entryId, (i, c) => editEntry(i, entryId, changes, c)),
    'timeline:delete': ({ incidentId, entryId }) =>
      change(incidentId, entryId, (i, c) => deleteEntry(i, entryId, c)),
    'timeline:restore': ({ incidentId, entryId }) =>
      change(incidentId, entryId, (i, c) => restoreEntry(i, entryId, c)),
    'timeline:unmask': ({ incidentId, entryId, unmasked }) =>
      // Unmasking only changes what exports show: allowed on a closed record too.
      change(incidentId, entryId, (i, c) => unmaskEntry(i, entryId, unmasked, c), true),
    'timeline:audience': ({ incidentId, itemId, audience }) => {
      // Like unmasking, it only changes what outputs show: allowed on a closed record too.
      const incident = incidents.get(incidentId)
      incidents.commit(incidentId, [
        setAudience(incident, itemId, audience, commandContext(ctx, incident)),
      ])
      ctx.changed()
      return { itemId, audience }
    },
  }
}
