import type { DetectionMethod } from '../events'
import { STATUS_TAGS, type Status } from '../lifecycle/status'

export interface ChecklistItem {
  id: string
  label: string
  done: boolean
  doneAt?: string
  doneBy?: string
}

export interface ChecklistInput {
  severity: number
  status: Status
  detection: DetectionMethod
  /** Every status the incident has been in, oldest first (at least the current one). */
  statuses: readonly Status[]
  checked: Readonly<Record<string, { at: string; by: string }>>
}

/**
 * What the runbook asks to be communicated, derived from severity, status and detection:
 * Severity 1 needs the Signal message and the Make post; a user report needs the reporter thanked;
 * every status needs its P2 tag; Resolved needs the postings edited and the Slack thread unpinned.
 */
export function commsChecklist(input: ChecklistInput): ChecklistItem[] {
  const items: { id: string; label: string }[] = [
    { id: 'p2-posted', label: 'P2 incident post published' },
  ]
  if (input.severity === 1) {
    items.push({ id: 'signal-sent', label: 'Signal message sent to the maintainers (Severity 1)' })
    items.push({
      id: 'make-posted',
      label: 'Make post published: the outage is being investigated',
    })
  }
  if (input.detection === 'user-report') {
    items.push({
      id: 'reporter-thanked',
      label: 'Reporter thanked and told the team is investigating',
    })
  }
  for (const status of new Set(input.statuses)) {
    items.push({ id: `p2-tag-${status}`, label: `P2 status tag set to ${STATUS_TAGS[status]}` })
  }
  if (input.status === 'resolved' || input.status === 'reviewed') {
    items.push({
      id: 'postings-resolved',
      label: 'Postings edited so they clearly say resolved (title and body)',
    })
    items.push({ id: 'slack-unpinned', label: 'Slack thread unpinned' })
    if (input.detection === 'user-report') {
      items.push({ id: 'reporter-followed-up', label: 'Reporter told it is resolved' })
    }
  }
  return items.map((item) => {
    const done = input.checked[item.id]
    return done
      ? { ...item, done: true, doneAt: done.at, doneBy: done.by }
      : { ...item, done: false }
  })
}

/** Labels of the items still open, for the resolve checklist and the handoff. */
export function openItems(items: readonly ChecklistItem[]): string[] {
  return items.filter((i) => !i.done).map((i) => i.label)
}
