import { z } from 'zod'
import { cleanLine } from '../incident/input-rules'

/** A one-line field: control and bidi-override characters removed (input-rules.ts), then trimmed. */
const oneLine = () =>
  z
    .string()
    // Bounded before it is cleaned: every one-line field here is far shorter.
    .max(2000, 'A line is limited to 2,000 characters.')
    .transform(cleanLine)
    .pipe(z.string().trim())

export const HttpsUrl = z
  .string({ error: 'A link is required.' })
  .trim()
  .max(2000, 'A link is limited to 2,000 characters.')
  .refine((s) => {
    try {
      return new URL(s).protocol === 'https:'
    } catch {
      return false
    }
  }, 'Links must start with https://, like https://grafana.example.org/d/api.')

export const QuickLink = z
  .object({
    label: oneLine().pipe(z.string().min(1, 'Give the link a short label, like “Logs”.').max(40)),
    url: HttpsUrl,
  })
  .strict()
export type QuickLink = z.output<typeof QuickLink>

const Line = (what: string) =>
  oneLine().pipe(
    z.string().min(1, `${what} can't be empty.`).max(500, `${what} is limited to 500 characters.`),
  )

export const RunbookInput = z
  .object({
    title: oneLine().pipe(z.string().min(1, 'Give the runbook a title.').max(200)),
    url: HttpsUrl.optional(),
    alarms: z.array(Line('An alarm name')).max(50).default([]),
    firstSteps: z.array(Line('A step')).max(50).default([]),
  })
  .strict()

export const Runbook = RunbookInput.extend({
  id: z.string().min(1).max(100),
})
export type Runbook = z.output<typeof Runbook>

/** Stable across re-imports of the same file, so importing again updates instead of doubling. */
export function runbookId(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return slug.slice(0, 60) || 'runbook'
}

/** Runbooks whose covered alarms match what the user typed (case and spacing ignored). */
export function runbooksForAlarm(runbooks: readonly Runbook[], alarmName: string): Runbook[] {
  const key = normalize(alarmName)
  if (key.length < 3) return []
  return runbooks.filter((r) =>
    r.alarms.some((a) => normalize(a) === key || normalize(a).includes(key)),
  )
}

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim()
