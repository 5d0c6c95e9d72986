import { UserError } from '../incident/errors'
import type { Status } from '../lifecycle/status'
import type { RetroDraft } from './draft'
import type { RetroState } from './state'

/** What is still missing before the retro can be completed, in words; empty when complete. */
export function retroProblems(draft: RetroDraft | null): string[] {
  if (!draft || draft.chains.length === 0) {
    return ['Add a 5-whys chain: at least one why with its answer, and the root cause.']
  }
  const problems: string[] = []
  draft.chains.forEach((chain, i) => {
    const name = `5-whys chain ${i + 1}`
    const unanswered = chain.whys.flatMap((w, j) =>
      w.question.trim() && !w.answer.trim() ? [`${name}: why ${j + 1} has no answer yet.`] : [],
    )
    const answered = chain.whys.some((w) => w.question.trim() && w.answer.trim())
    // An unanswered why already says what to do; the general message is for an empty chain.
    if (!answered && unanswered.length === 0)
      problems.push(`${name} needs at least one why with its answer.`)
    problems.push(...unanswered)
    if (!chain.rootCause.trim()) problems.push(`${name} needs a root cause.`)
  })
  draft.actions.forEach((action, i) => {
    const name = action.title.trim()
      ? `Action item “${action.title.trim()}”`
      : `Action item ${i + 1}`
    if (!action.title.trim()) problems.push(`${name} needs a title.`)
    if (!action.owner.trim()) problems.push(`${name} needs an owner.`)
    if (!action.type) problems.push(`${name} needs a type (detective, preventative or corrective).`)
  })
  return problems
}

/** Throws the reason the retro cannot be completed now; the draft stays as it is. */
export function assertCanComplete(incident: { status: Status; retro: RetroState }): void {
  if (incident.retro.completedAt) {
    throw new UserError('retro-done', 'This retrospective is already complete.')
  }
  if (incident.status !== 'resolved') {
    throw new UserError('not-resolved', 'Resolve the incident before completing its retrospective.')
  }
  const problems = retroProblems(incident.retro.draft)
  if (problems.length) {
    throw new UserError(
      'retro-incomplete',
      `Not complete yet. Your draft is saved. ${problems.join(' ')}`,
    )
  }
}
