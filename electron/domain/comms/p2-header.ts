import type { Incident } from '../incident'
import { allowedMoves } from '../lifecycle/lifecycle'
import { STATUS_LABELS, type Status } from '../lifecycle/status'
import { isPostedUpdate } from './posted-updates'

/** What the header says of the P2 as read back; each part null when there is nothing to say. */
export interface P2HeaderFacts {
  /** "Last update 14:02 by Alex on the P2": the update that counts now was read from the P2. */
  lastUpdate: { at: string; by: string } | null
  /** "The P2 says Stabilized (tag changed 14:20)", while the tag read differs from the status. */
  says: {
    status: Status
    label: string
    changedAt: string
    /** The move is one the policy allows from here (else Apply is not offered, and why). */
    canApply: boolean
    /** The newest P2 comment: the summary Apply asks for starts from it. */
    prefill: string
  } | null
  /** "P2 not reachable since 14:05". */
  unreachableSince: string | null
}

export function p2HeaderFacts(incident: Incident): P2HeaderFacts | null {
  const p2 = incident.p2
  if (!p2) return null
  const last = incident.timeline.findLast(isPostedUpdate)
  // A tag read before this app's own latest move is the P2 lagging behind that move (its tag is
  // on its way), not news: only a tag changed since is shown.
  const movedAt = incident.statusHistory.at(-1)?.at ?? incident.recordedAt
  const remote = p2.remote && p2.remote.changedAt >= movedAt ? p2.remote : null
  const newest = incident.timeline.findLast((i) => i.kind === 'lifecycle' && i.p2 !== undefined)
  return {
    lastUpdate: last?.p2 ? { at: last.at, by: last.p2.author } : null,
    says:
      remote?.status && remote.status !== incident.status
        ? {
            status: remote.status,
            label: STATUS_LABELS[remote.status],
            changedAt: remote.changedAt,
            canApply: allowedMoves(incident.status).includes(remote.status),
            prefill: newest?.kind === 'lifecycle' ? (newest.publicText ?? '') : '',
          }
        : null,
    unreachableSince: p2.unreachableSince,
  }
}
