import type { Command } from '../../domain/command'
import type { Incident } from '../../domain/incident'
import { findEntry, type Entry } from '../../domain/timeline/timeline'
import * as timeline from '../../domain/timeline/commands'
import { setAudience } from '../../domain/comms/update-commands'
import type { FeatureHandlers, HostContext } from '../context'

/** The entry as it is after a commit. */
export function entryAfter(incident: Incident, entryId: string): Entry {
  const entry = findEntry(incident.timeline, entryId)
  if (!entry) throw new Error(`entry ${entryId} missing after commit`)
  return entry
}

/** Notes, pastes, links and actions: add, edit, delete, restore, unmask. Nothing is destroyed. */
export function timelineHandlers({
  incidents,
}: HostContext): FeatureHandlers<
  | 'timeline:add'
  | 'timeline:edit'
  | 'timeline:delete'
  | 'timeline:restore'
  | 'timeline:unmask'
  | 'timeline:audience'
> {
  /** Runs a command on one entry and answers with the entry after it. */
  const entry = <I extends { entryId: string }>(id: string, command: Command<I>, input: I) =>
    entryAfter(incidents.run(id, command, input).incident, input.entryId)
  return {
    'timeline:add': ({ incidentId, entry: content, occurredAt, verified }) => {
      const { incident, events } = incidents.run(incidentId, timeline.addEntry, {
        content,
        occurredAt,
        verified,
      })
      return entryAfter(incident, events[0]!.id)
    },
    'timeline:edit': ({ incidentId, ...input }) => entry(incidentId, timeline.editEntry, input),
    'timeline:delete': ({ incidentId, ...input }) => entry(incidentId, timeline.deleteEntry, input),
    'timeline:restore': ({ incidentId, ...input }) =>
      entry(incidentId, timeline.restoreEntry, input),
    // Unmasking only changes what exports show: allowed on a closed record too.
    'timeline:unmask': ({ incidentId, ...input }) => entry(incidentId, timeline.unmaskEntry, input),
    // Like unmasking, it only changes what outputs show: allowed on a closed record too.
    'timeline:audience': ({ incidentId, ...input }) => {
      incidents.execute(incidentId, setAudience, input)
      return input
    },
  }
}
