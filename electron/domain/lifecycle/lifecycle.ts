import { UserError } from '../incident/errors'
import { STATUS_LABELS, STATUSES, type Status } from './status'

/**
 * The policy's status graph (seed 002). resolved→pending and reviewed→pending exist in the policy
 * but only through "It happened again" (a separate command with the 48-hour rule), so they are
 * not plain moves.
 */
export const PLAIN_MOVES: Readonly<Record<Status, readonly Status[]>> = {
  pending: ['stabilized'],
  stabilized: ['investigating', 'pending', 'resolved'],
  investigating: ['pending', 'resolved'],
  resolved: ['reviewed'],
  reviewed: [],
}

/** Statuses from which "It happened again" reopens (or re-records) the incident. */
export const RECURRABLE: readonly Status[] = ['resolved', 'reviewed']

/** A recurrence within this time of the resolution rolls back; after it, a new incident. */
export const RECURRENCE_WINDOW_MS = 48 * 3_600_000

export function allowedMoves(from: Status): readonly Status[] {
  return PLAIN_MOVES[from]
}

/** Moving here needs a summary: the mitigation (Stabilized) or the solution (Resolved). */
export function summaryNeeded(to: Status): 'mitigation' | 'solution' | null {
  if (to === 'stabilized') return 'mitigation'
  if (to === 'resolved') return 'solution'
  return null
}

/** "Reviewed (or "It happened again" to reopen)", "Stabilized", "none". */
export function allowedText(from: Status): string {
  const moves = PLAIN_MOVES[from].map((s) => STATUS_LABELS[s])
  if (RECURRABLE.includes(from)) moves.push('“It happened again” to reopen')
  return moves.length ? moves.join(', ') : 'none'
}

/** Throws a UserError naming the allowed moves unless `from → to` is a plain move. */
export function checkMove(from: Status, to: Status): void {
  if (from === to) {
    throw new UserError(
      'same-status',
      `The incident is already ${STATUS_LABELS[to]}; allowed: ${allowedText(from)}.`,
    )
  }
  if (PLAIN_MOVES[from].includes(to)) return
  const verb = STATUSES.indexOf(to) < STATUSES.indexOf(from) ? 'can’t go back to' : 'can’t move to'
  const hint =
    to === 'pending' && RECURRABLE.includes(from)
      ? ' If it is disrupting service again, use “It happened again”.'
      : ''
  throw new UserError(
    'move-not-allowed',
    `${STATUS_LABELS[from]} ${verb} ${STATUS_LABELS[to]}; allowed: ${allowedText(from)}.${hint}`,
  )
}

/** What "It happened again" does now: roll back within 48 h of the resolution, else re-record. */
export function recurrenceOutcome(
  status: Status,
  resolvedAt: string | null | undefined,
  now: Date,
): 'reopen' | 'new-incident' {
  if (!RECURRABLE.includes(status)) {
    throw new UserError(
      'not-resolved',
      `“It happened again” is for Resolved or Reviewed incidents; this one is ${STATUS_LABELS[status]} and still open.`,
    )
  }
  if (!resolvedAt) return 'new-incident'
  return now.getTime() - Date.parse(resolvedAt) <= RECURRENCE_WINDOW_MS ? 'reopen' : 'new-incident'
}
