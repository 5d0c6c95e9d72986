import { itemText } from '../timeline/timeline'
import { maskingPolicy, releaseText } from '../comms/outgoing'
import { toCommsView } from '../comms/from-incident'
import type { Cadence, Reminders } from '../comms/cadence'
import type { Incident } from '../incident'
import { RetroDraft, suggestedAttendees } from './draft'
import type { PostmortemInput } from './postmortem'

/** The postmortem's input from an incident: its comms view, its draft and the picked moments. */
export function postmortemInput(
  incident: Incident,
  settings: { cadence: Cadence; reminders: Reminders },
): PostmortemInput {
  const retro =
    incident.retro.draft ?? RetroDraft.parse({ attendees: suggestedAttendees(incident) })
  const picked = new Set(retro.keyMoments)
  const keyMoments = incident.timeline
    .filter((item) => picked.has(item.id))
    .sort((a, b) => a.at.localeCompare(b.at))
    // A key moment is as masked as the entry it comes from: picking it shows no secret.
    .map((item) => ({ at: item.at, text: releaseText(itemText(item), maskingPolicy(incident)) }))
  return {
    view: toCommsView(incident, settings),
    retro,
    keyMoments,
    completedAt: incident.retro.completedAt,
  }
}
