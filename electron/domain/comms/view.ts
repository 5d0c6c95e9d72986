import type { Status } from '../lifecycle/status'

/** One line of a timeline as outputs show it: verified, in UTC, secrets masked. */
export interface CommsLine {
  at: string
  text: string
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
  /** Verified entries since the last posted update. */
  sinceLastUpdate: CommsLine[]
  nextUpdateDue: string | null
  mitigationSummary: string | null
  solutionSummary: string | null
  /** Root causes found by the retrospective's 5 whys, one per chain. */
  rootCauses: string[]
  /** The retrospective's action items, with their issue links. */
  actionItems: { title: string; url: string | null }[]
  p2Url: string | null
  userReported: boolean
}
