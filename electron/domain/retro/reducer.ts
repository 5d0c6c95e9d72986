import type { Incident } from '../incident'
import { lifecycleItem } from '../timeline/lifecycle-item'
import { RetroDraft } from './draft'
import type { RetroEvent } from './events'

/** How the retrospective's choice, draft, completion and action items change the incident. */
export function reduceRetro(incident: Incident, event: RetroEvent): Incident {
  const retro = incident.retro
  // The retrospective's own bookkeeping: internal, so posts and the postmortem leave it out.
  const item = (text: string) => lifecycleItem(event, text, { internal: true })
  switch (event.type) {
    case 'retro.optedIn':
    case 'retro.optedOut': {
      const wanted = event.type === 'retro.optedIn'
      const choice = { wanted, reason: event.reason, at: event.at, by: event.by }
      const text = wanted
        ? `Retrospective wanted: ${event.reason}`
        : `No retrospective: ${event.reason}`
      return {
        ...incident,
        retro: { ...retro, choice },
        timeline: incident.timeline.append(item(text)),
      }
    }
    case 'retro.draftSaved': {
      // Drafts are saved as the user types: kept on the log, never on the timeline. The log keeps
      // a draft as it was written; a hand-edited one the workspace cannot read leaves the last
      // good draft in place.
      const draft = RetroDraft.safeParse(event.draft)
      if (!draft.success) return incident
      return { ...incident, retro: { ...retro, draft: draft.data, draftSavedAt: event.at } }
    }
    case 'retro.completed': {
      const actions = retro.draft?.actions.length ?? 0
      // The move to Reviewed is its own status.changed event, written with this one.
      const moved = incident.status === 'resolved' ? '; the incident moves to Reviewed' : ''
      return {
        ...incident,
        retro: { ...retro, completedAt: event.at, completedBy: event.by },
        timeline: incident.timeline.append(
          item(
            `Retrospective completed with ${actions} action item${actions === 1 ? '' : 's'}${moved}`,
          ),
        ),
      }
    }
    case 'retro.actionDone': {
      const draft = retro.draft
      if (!draft) return incident
      const actions = draft.actions.map((a) =>
        a.id === event.actionId ? { ...a, done: event.done } : a,
      )
      const text = event.done
        ? `Action item done: ${event.title}`
        : `Action item reopened: ${event.title}`
      return {
        ...incident,
        retro: { ...retro, draft: { ...draft, actions } },
        timeline: incident.timeline.append(item(text)),
      }
    }
    default: {
      const unknown: never = event
      throw new Error(`Retro event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}
