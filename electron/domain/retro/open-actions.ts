import type { ActionCategory, ActionType } from './draft'
import type { RetroState } from './state'

/** An action item not done yet, with where it came from. */
export interface OpenAction {
  incidentId: string
  incidentTitle: string
  actionId: string
  title: string
  owner: string
  due: string
  overdue: boolean
  type: ActionType | ''
  category: ActionCategory | ''
  issueUrl: string
  /** From a retro still in draft (its items may change). */
  draft: boolean
}

/** Every open action item across incidents: overdue first, then by due date, undated last. */
export function openActions(
  incidents: readonly { id: string; title: string; retro: RetroState }[],
  now: Date,
): OpenAction[] {
  const today = now.toISOString().slice(0, 10)
  const list = incidents.flatMap((incident) =>
    (incident.retro.draft?.actions ?? [])
      .filter((a) => !a.done && a.title.trim())
      .map((a): OpenAction => ({
        incidentId: incident.id,
        incidentTitle: incident.title,
        actionId: a.id,
        title: a.title,
        owner: a.owner,
        due: a.due,
        overdue: a.due !== '' && a.due < today,
        type: a.type,
        category: a.category,
        issueUrl: a.issueUrl,
        draft: !incident.retro.completedAt,
      })),
  )
  return list.sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'))
}

export function openActionCount(retro: RetroState): number {
  return (retro.draft?.actions ?? []).filter((a) => !a.done && a.title.trim()).length
}
