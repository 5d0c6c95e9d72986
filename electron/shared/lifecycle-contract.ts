import { z } from 'zod'
import { cleanLine, EARLIEST_MESSAGE, notTooEarly } from '../domain/incident/input-rules'
import type { Ack } from '../domain/command'
import type { IncidentSummary } from '../domain/incident'
import type { LeadSuggestion } from '../domain/lifecycle/lead-suggestion'
import { KEY_TIMES } from '../domain/lifecycle/events'
import { TITLE_MAX } from '../domain/incident/record'
import { STATUSES } from '../domain/lifecycle/status'
import type { Spec } from './ipc-contract'

const Reason = (what: string) =>
  z
    .string({ error: `Say why ${what}.` })
    .trim()
    .min(1, `Say why ${what}: the reason goes on the timeline.`)
    .max(2000, 'Keep the reason under 2,000 characters.')

const Name = z
  .string({ error: 'Enter the lead’s name.' })
  .transform(cleanLine)
  .pipe(
    z
      .string()
      .trim()
      .min(1, 'Enter the lead’s name.')
      .max(80, 'Keep the name under 80 characters.'),
  )

/** Who leads: someone from the rota, or a name typed in. */
const Lead = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('rota'), name: Name }).strict(),
    z.object({ kind: z.literal('free'), name: Name }).strict(),
  ],
  { error: 'Pick someone from the rota or type a name.' },
)

const RecurNote = z
  .string({ error: 'Say what happened again.' })
  .trim()
  .min(1, 'Say what happened again: the note goes on the timeline.')
  .max(5000, 'Keep the note under 5,000 characters.')

export interface RecurResult {
  outcome: 'reopened' | 'new-incident'
  /** The reopened incident, or the new one. */
  incident: IncidentSummary
}

/** Status moves, recurrence, severity, lead and key times. */
export function lifecycleContract(
  spec: <O>() => { of: <I extends z.ZodType>(input: I) => Spec<I, O> },
  IncidentId: z.ZodString,
) {
  return {
    'incident:move': spec<Ack>().of(
      z
        .object({
          id: IncidentId,
          to: z.enum(STATUSES, {
            error:
              'Unknown status; use one of: pending, stabilized, investigating, resolved, reviewed.',
          }),
          summary: z
            .string()
            .trim()
            .max(5000, 'Keep the summary under 5,000 characters.')
            .optional(),
        })
        .strict(),
    ),
    'incident:recur': spec<RecurResult>().of(
      z
        .object({
          id: IncidentId,
          note: RecurNote,
          /** Used only when a new incident is recorded (after 48 h); default: the old one's. */
          title: z
            .string()
            .transform(cleanLine)
            .pipe(z.string().trim().min(1, 'Give the new incident a title.').max(TITLE_MAX))
            .optional(),
          severity: z.number().int('Choose a severity.').optional(),
        })
        .strict(),
    ),
    'incident:setSeverity': spec<Ack>().of(
      z
        .object({
          id: IncidentId,
          severity: z.number({ error: 'Choose a severity.' }).int('Choose a severity.'),
          reason: Reason('the severity changes'),
        })
        .strict(),
    ),
    'incident:setLead': spec<Ack>().of(
      z
        .object({
          id: IncidentId,
          lead: Lead,
          note: z
            .string()
            .trim()
            .max(5000, 'Keep the handover note under 5,000 characters.')
            .optional(),
        })
        .strict(),
    ),
    'incident:setKeyTime': spec<Ack>().of(
      z
        .object({
          id: IncidentId,
          key: z.enum(KEY_TIMES, { error: 'That is not one of the key times.' }),
          at: z.iso
            .datetime({ offset: true, error: 'Enter the time as a date and time.' })
            .refine(notTooEarly, EARLIEST_MESSAGE),
          reason: Reason('the time is corrected'),
        })
        .strict(),
    ),
    'lead:suggest': spec<LeadSuggestion[]>().of(z.object({ id: IncidentId }).strict()),
  }
}
