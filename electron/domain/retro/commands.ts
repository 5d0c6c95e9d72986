import { stamp, type CommandContext } from '../command'
import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import { UserError } from '../incident/errors'
import { checkMove } from '../lifecycle/lifecycle'
import { assertCanComplete } from './complete'
import type { RetroDraft } from './draft'

function sameDraft(a: RetroDraft | null, b: RetroDraft): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b)
}

/** The renderer saves as the user types: an unchanged draft writes nothing. */
export function saveDraft(
  incident: Incident,
  input: { draft: RetroDraft },
  ctx: CommandContext,
): NewEvent[] {
  if (incident.retro.completedAt) {
    throw new UserError(
      'retro-done',
      'This retrospective is complete; its record is kept as it was. Tick action items done from the action items list.',
    )
  }
  if (sameDraft(incident.retro.draft, input.draft)) return []
  return [{ ...stamp(incident, ctx), type: 'retro.draftSaved', draft: input.draft }]
}

export function chooseRetro(
  incident: Incident,
  input: { wanted: boolean; reason: string },
  ctx: CommandContext,
): NewEvent[] {
  const type = input.wanted ? 'retro.optedIn' : 'retro.optedOut'
  return [{ ...stamp(incident, ctx), type, reason: input.reason }]
}

/** Completing the retrospective is the policy's move Resolved → Reviewed. */
export function completeRetro(
  incident: Incident,
  _input: unknown,
  ctx: CommandContext,
): NewEvent[] {
  assertCanComplete(incident)
  checkMove(incident.status, 'reviewed')
  return [
    { ...stamp(incident, ctx), type: 'retro.completed' },
    { ...stamp(incident, ctx), type: 'status.changed', from: incident.status, to: 'reviewed' },
  ]
}

/** Ticks an action item (done or not); the same state again writes nothing. */
export function markActionDone(
  incident: Incident,
  input: { actionId: string; done: boolean },
  ctx: CommandContext,
): NewEvent[] {
  const { actionId, done } = input
  const action = incident.retro.draft?.actions.find((a) => a.id === actionId)
  if (!action) {
    throw new UserError('not-found', 'That action item is no longer in the retrospective.')
  }
  if (action.done === done) return []
  return [
    { ...stamp(incident, ctx), type: 'retro.actionDone', actionId, title: action.title, done },
  ]
}
