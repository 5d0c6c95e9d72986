import { z } from 'zod'
import { cleanLine } from '../incident/input-rules'

/** Limits generous enough for a long retro, small enough that a stuck paste cannot bloat a log. */
export const SHORT = 300
export const LONG = 10_000
const short = (what: string) =>
  z.string().max(SHORT, `${what} is limited to ${SHORT} characters.`).default('')
const long = (what: string) =>
  z
    .string()
    .max(LONG, `${what} is limited to ${LONG.toLocaleString('en')} characters.`)
    .default('')
export const itemId = z.string().min(1).max(80)

export const ACTION_TYPES = ['detective', 'preventative', 'corrective'] as const
export type ActionType = (typeof ACTION_TYPES)[number]
export const ACTION_TYPE_LABELS: Record<ActionType, string> = {
  detective: 'Detective',
  preventative: 'Preventative',
  corrective: 'Corrective',
}

/** The prevention categories of seed 004's runbook, plus the process itself. */
export const ACTION_CATEGORIES = [
  'monitoring',
  'safeguards',
  'tests',
  'deployment',
  'process',
] as const
export type ActionCategory = (typeof ACTION_CATEGORIES)[number]
export const ACTION_CATEGORY_LABELS: Record<ActionCategory, string> = {
  monitoring: 'Monitoring and alerts',
  safeguards: 'Rate limits and safeguards',
  tests: 'Tests and validation',
  deployment: 'Deployment practices',
  process: 'Process and docs',
}

export const Why = z.object({
  id: itemId,
  question: long('A why'),
  answer: long('An answer'),
})
export type Why = z.output<typeof Why>

export const WhysChain = z.object({
  id: itemId,
  /** What the chain starts from ("Searches returned 500"). */
  problem: long('The problem'),
  whys: z.array(Why).max(20, 'A chain holds at most 20 whys.').default([]),
  rootCause: long('A root cause'),
})
export type WhysChain = z.output<typeof WhysChain>

export const ActionItem = z.object({
  id: itemId,
  title: short('An action item title'),
  owner: short('An owner'),
  /** YYYY-MM-DD, or '' when not decided yet. */
  due: z
    .union([z.literal(''), z.iso.date({ error: 'A due date looks like 2026-12-01.' })])
    .default(''),
  type: z.union([z.enum(ACTION_TYPES), z.literal('')]).default(''),
  category: z.union([z.enum(ACTION_CATEGORIES), z.literal('')]).default(''),
  issueUrl: z
    .union([
      z.literal(''),
      z.url({ protocol: /^https$/, error: 'Link the GitHub issue with its https:// address.' }),
    ])
    .default(''),
  done: z.boolean().default(false),
})
export type ActionItem = z.output<typeof ActionItem>

/** Everything typed in the workspace: saved whole, as often as the user types. */
export const RetroDraft = z.object({
  attendees: z
    .array(z.string().transform(cleanLine).pipe(z.string().trim().min(1).max(120)))
    .max(50)
    .default([]),
  /** YYYY-MM-DD of the meeting. */
  date: z
    .union([z.literal(''), z.iso.date({ error: 'A date looks like 2026-11-24.' })])
    .default(''),
  keyMoments: z.array(itemId).max(200).default([]),
  chains: z.array(WhysChain).max(10, 'At most 10 chains.').default([]),
  workedWell: long('What worked well'),
  failed: long('What failed'),
  actions: z.array(ActionItem).max(50, 'At most 50 action items.').default([]),
  processImprovements: long('Process improvements'),
})
export type RetroDraft = z.output<typeof RetroDraft>
export type RetroDraftInput = z.input<typeof RetroDraft>

/** Who to invite: the recorder, the lead and everyone who wrote on the timeline, once each. */
export function suggestedAttendees(incident: {
  recorder: string
  lead: string | null
  timeline: Iterable<{ by: string; meta?: true }>
}): string[] {
  const names = [incident.recorder, incident.lead]
  for (const item of incident.timeline) names.push(item.by)
  const seen = new Set<string>()
  return names.filter((n): n is string => {
    if (!n || n === 'Unknown' || seen.has(n)) return false
    seen.add(n)
    return true
  })
}

/** A new workspace: attendees prefilled, one empty chain to start from. */
export function emptyDraft(
  incident: Parameters<typeof suggestedAttendees>[0],
  today: string,
  newId: () => string,
): RetroDraft {
  return RetroDraft.parse({
    attendees: suggestedAttendees(incident),
    date: today,
    chains: [{ id: newId(), whys: [{ id: newId() }] }],
  })
}
