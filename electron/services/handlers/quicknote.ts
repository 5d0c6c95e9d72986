import { UserError } from '../../domain/incident/errors'
import { addEntry } from '../../domain/timeline/commands'
import type { FeatureHandlers, HostContext } from '../context'
import { entryAfter } from './timeline'

/**
 * The quick-note box: a note to the incident selected in the scratchpad if it is active, else the
 * most recent active one (a resolved incident's timeline is read-only). Which incident is selected lives here (not on disk) so every window agrees.
 */
export function quickNoteHandlers(
  ctx: HostContext,
): FeatureHandlers<'quicknote:target' | 'quicknote:context' | 'quicknote:add'> {
  let selected: string | null = null
  const target = () => {
    const list = ctx.incidents.list()
    return list.find((s) => s.active && s.id === selected) ?? list.find((s) => s.active) ?? null
  }
  return {
    'quicknote:target': ({ incidentId }) => {
      selected = incidentId
      return { incidentId }
    },
    'quicknote:context': () => {
      const summary = target()
      return { incident: summary ? { id: summary.id, title: summary.title } : null }
    },
    'quicknote:add': ({ text }) => {
      const summary = target()
      if (!summary) {
        throw new UserError(
          'no-incident',
          'There is no active incident to add the note to. Record the incident first (Record incident… in the tray).',
        )
      }
      const { incident, events } = ctx.incidents.run(summary.id, addEntry, {
        content: { kind: 'note', text },
      })
      return { incidentId: incident.id, entry: entryAfter(incident, events[0]!.id) }
    },
  }
}
