import { itemText, type TimelineItem } from '../timeline/timeline'
import { timelineWindow } from '../timeline/window'
import { maskingPolicy, releaseItemText } from '../comms/outgoing'
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
  const keyMoments = moments(
    incident,
    incident.timeline.filter((item) => picked.has(item.id)),
  ).map(({ at, text }) => ({ at, text }))
  return {
    view: toCommsView(incident, settings),
    retro,
    keyMoments,
    completedAt: incident.retro.completedAt,
  }
}

/** A moment the retro may pick for the postmortem's timeline, as the postmortem prints it. */
export interface KeyMomentChoice {
  id: string
  at: string
  text: string
}

/** What a report may cite (not deleted; verified or not), oldest first, masked. */
export function keyMomentChoices(incident: Incident): KeyMomentChoice[] {
  const { timeline } = incident
  const window = { reportable: true, showDeleted: true, from: 0, count: timeline.length }
  return moments(incident, timelineWindow(timeline, window).items)
}

// A key moment is as masked as the entry it comes from: picking it shows no secret.
function moments(incident: Incident, items: readonly TimelineItem[]): KeyMomentChoice[] {
  const policy = maskingPolicy(incident)
  // Ordinal: stored times are all toISOString's, so text order is time order (and collation was
  // most of the cost on a long timeline); each item's masked text is kept between calls.
  return [...items]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((item) => ({
      id: item.id,
      at: item.at,
      text: releaseItemText(item, itemText(item), policy),
    }))
}
