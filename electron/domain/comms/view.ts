import type { Status } from '../lifecycle/status'

/** One line of a timeline as outputs show it: verified, in UTC, secrets masked. */
export interface CommsLine {
  at: string
  text: string
  /** A run of status updates ("Daily updates, …, nothing new"): bookkeeping, not a fact. */
  updateRun?: true
}

/**
 * Everything an output may say about one incident, already decided: which entries are verified,
 * secrets masked, labels in words. Outputs are pure functions of this view.
 */
export interface CommsView {
  title: string
  severityLevel: number
  severityLabel: string
  severityDefinition: string
  status: Status
  statusLabel: string
  statusTag: string
  lead: string | null
  recorder: string
  detectedAt: string
  detection: string
  area: string
  impact: string
  links: { title: string; url: string }[]
  /** Verified entries, oldest first. */
  timeline: CommsLine[]
  /** Verified entries since the last posted update, the move announced (below) left out. */
  sinceLastUpdate: CommsLine[]
  /**
   * The status move made since the last posted update, which the next status comment announces
   * with the summary typed for it; null when the status has not moved since.
   */
  announced: { to: Status; summary: string | null } | null
  /** The status comment's opening sentence: the move it announces, or the status and impact. */
  headline: string
  nextUpdateDue: string | null
  /** Under "when there is news" the due time is the latest the next update may come. */
  nextUpdateWhenNews: boolean
  mitigationSummary: string | null
  solutionSummary: string | null
  /** Root causes found by the retrospective's 5 whys, one per chain. */
  rootCauses: string[]
  /** The retrospective's action items, with their issue links. */
  actionItems: { title: string; url: string | null }[]
  p2Url: string | null
  userReported: boolean
}

/** The longest opening sentence a user may type in place of the one the app writes. */
export const HEADLINE_MAX = 500
