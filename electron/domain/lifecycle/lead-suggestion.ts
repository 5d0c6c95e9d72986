import { isWithinHours, localParts } from '../settings/preferences'
import type { IncidentSummary } from '../incident'
import type { Rota, RotaPerson } from '../settings/rota'

const DAY = 86_400_000
const WEEK = 7 * DAY
export const FAIRNESS_WINDOW_DAYS = 90

export interface LeadSuggestion {
  name: string
  handle: string
  runner: boolean
  inWorkingHours: boolean
  /** Shown on screen, in order: why this person is where they are in the list. */
  reasons: string[]
}

/** Inside their working hours now; a shift past midnight (22:00–06:00) belongs to its start day. */
export function inWorkingHours(person: RotaPerson, at: Date): boolean {
  return isWithinHours(person.workingHours, person.timeZone, at)
}

/** The runner for the week containing `at`; runner weeks run Monday 00:00 to Monday 00:00 UTC. */
export function runnerAt(rota: Rota, at: Date): string | null {
  const t = at.getTime()
  const week = rota.schedule.find((w) => {
    const start = Date.parse(`${w.weekStart}T00:00:00Z`)
    return t >= start && t < start + WEEK
  })
  return week?.runner ?? null
}

interface History {
  lastLedAt: number | null
  recentCount: number
}

function leadHistory(name: string, incidents: readonly IncidentSummary[], now: number): History {
  const key = name.toLowerCase()
  let lastLedAt: number | null = null
  let recentCount = 0
  for (const incident of incidents) {
    if (incident.lead?.toLowerCase() !== key) continue
    const at = Date.parse(incident.recordedAt)
    lastLedAt = Math.max(lastLedAt ?? at, at)
    if (now - at <= FAIRNESS_WINDOW_DAYS * DAY) recentCount++
  }
  return { lastLedAt, recentCount }
}

function knows(person: RotaPerson, area: string): string[] {
  const words = area.toLowerCase()
  return person.expertise.filter((tag) => tag && words.includes(tag.toLowerCase()))
}

/**
 * Who should lead, best first (policy seed 002): this week's runner when inside their working
 * hours; then people inside working hours, who led least recently, then fewest leads in the last
 * 90 days, then expertise in the incident's area; people outside working hours come last.
 * `incidents` is the local history; the incident being led should be left out by the caller.
 */
export function suggestLeads(
  rota: Rota,
  incidents: readonly IncidentSummary[],
  area: string,
  at: Date,
): LeadSuggestion[] {
  const now = at.getTime()
  const runner = runnerAt(rota, at)?.toLowerCase()
  const recentTotal = incidents.filter(
    (i) => now - Date.parse(i.recordedAt) <= FAIRNESS_WINDOW_DAYS * DAY,
  ).length
  const ranked = rota.people.map((person) => {
    const history = leadHistory(person.name, incidents, now)
    const available = inWorkingHours(person, at)
    const isRunner = person.name.toLowerCase() === runner
    const expertise = knows(person, area)
    const reasons: string[] = []
    if (isRunner) reasons.push('runner this week')
    const local = localParts(at, person.timeZone).time
    reasons.push(
      available
        ? `in working hours (${local} their time)`
        : `outside working hours (${local} their time)`,
    )
    if (history.lastLedAt === null) {
      reasons.push('has not led an incident here yet')
    } else {
      reasons.push(`last led ${Math.floor((now - history.lastLedAt) / DAY)} days ago`)
      reasons.push(`led ${history.recentCount} of ${recentTotal} incidents in the last 90 days`)
    }
    if (expertise.length) reasons.push(`knows: ${expertise.join(', ')}`)
    return { person, history, available, isRunner, expertise: expertise.length, reasons }
  })
  ranked.sort(
    (a, b) =>
      Number(b.available) - Number(a.available) ||
      Number(b.isRunner && b.available) - Number(a.isRunner && a.available) ||
      (a.history.lastLedAt ?? -Infinity) - (b.history.lastLedAt ?? -Infinity) ||
      a.history.recentCount - b.history.recentCount ||
      b.expertise - a.expertise ||
      a.person.name.localeCompare(b.person.name),
  )
  return ranked.map((r) => ({
    name: r.person.name,
    handle: r.person.handle,
    runner: r.isRunner,
    inWorkingHours: r.available,
    reasons: r.reasons,
  }))
}
