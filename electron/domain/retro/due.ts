import type { Incident } from '../incident'
import { resolvedAt } from '../lifecycle/times'

/** What the retro needs from other features: recurrence links and the resolution time. */
export interface RetroFacts {
  recurred: boolean
  /** When the incident was last resolved (ISO), or null while it is not. */
  resolvedAt: string | null
}

/** The one place that reads recurrence and the resolution time from the lifecycle. */
export function retroFacts(
  incident: Pick<Incident, 'status' | 'statusHistory' | 'links' | 'keyTimes'>,
): RetroFacts {
  const statuses = [...incident.statusHistory.map((s) => s.status), incident.status]
  // It recurred when it came back after a resolution, or is the new incident of a recurrence.
  const reopened = statuses.some(
    (s, i) =>
      s === 'pending' && statuses.slice(0, i).some((p) => p === 'resolved' || p === 'reviewed'),
  )
  return {
    recurred: reopened || incident.links.some((l) => l.relation === 'recurrence-of'),
    resolvedAt: resolvedAt(incident),
  }
}

type RetroSubject = Pick<
  Incident,
  'severity' | 'status' | 'retro' | 'statusHistory' | 'links' | 'keyTimes'
>

export interface RetroDue {
  /** The policy proposes one: severity 1 or 2, or it recurred. */
  proposed: boolean
  /** Proposed, or asked for, and not declined. */
  wanted: boolean
  /** Wanted, resolved, not held yet: it should be held now. */
  due: boolean
  /** Why, in words, for the workspace. */
  reason: string
  /** When to remind (ISO); null when no reminder is needed. */
  remindAt: string | null
}

export function isProposed(incident: { severity: number }, facts: RetroFacts): boolean {
  return incident.severity <= 2 || facts.recurred
}

/** Cheap enough for every summary: wanted, Resolved and not held. */
export function isRetroDue(incident: RetroSubject, facts: RetroFacts): boolean {
  const wanted = incident.retro.choice?.wanted ?? isProposed(incident, facts)
  return wanted && incident.status === 'resolved' && !incident.retro.completedAt
}

export function retroDue(
  incident: RetroSubject,
  now: Date,
  settings: { retro: { reminderWorkingDays: number } },
  facts: RetroFacts = retroFacts(incident),
): RetroDue {
  void now
  const proposed = isProposed(incident, facts)
  const choice = incident.retro.choice
  const wanted = choice?.wanted ?? proposed
  const due = isRetroDue(incident, facts)
  const reason = choice
    ? `${choice.wanted ? 'Asked for' : 'Declined'} by ${choice.by}: ${choice.reason}`
    : facts.recurred
      ? 'Proposed: the incident happened again.'
      : proposed
        ? `Proposed for severity ${incident.severity} incidents.`
        : 'Not proposed for this severity; hold one if it would help.'
  const remindAt =
    due && facts.resolvedAt
      ? addWorkingDays(facts.resolvedAt, settings.retro.reminderWorkingDays)
      : null
  return { proposed, wanted, due, reason, remindAt }
}

const DAY = 24 * 60 * 60 * 1000
const isWeekend = (t: number) => [0, 6].includes(new Date(t).getUTCDay())

/**
 * `days` working days (Monday to Friday, UTC) after `iso`, same time of day. A resolution at the
 * weekend counts from the next Monday; 0 days means right away.
 */
export function addWorkingDays(iso: string, days: number): string {
  let t = Date.parse(iso)
  if (days <= 0) return new Date(t).toISOString()
  let left = days
  while (left > 0) {
    t += DAY
    if (!isWeekend(t)) left--
  }
  return new Date(t).toISOString()
}
