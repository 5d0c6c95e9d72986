import { z } from 'zod'
import { UserError } from './errors'
import { DETECTION_METHODS, type IncidentRecorded, type NewEvent } from '../events'
import { allowedLevels, SEVERITY_SCALES, type SeverityScaleId } from './severity'
import { cleanLine } from './input-rules'
import { INITIAL_STATUSES } from '../lifecycle/status'

export const TITLE_MAX = 200
export const TEXT_MAX = 20_000

export const RecordIncidentInput = z
  .object({
    title: z
      .string({ error: 'The title must be text.' })
      .transform(cleanLine)
      .pipe(
        z
          .string()
          .trim()
          .min(1, 'Give the incident a title: one line that says what is broken.')
          .max(
            TITLE_MAX,
            `Keep the title under ${TITLE_MAX} characters; put details in "What do you see?".`,
          ),
      ),
    observed: z
      .string()
      .max(
        TEXT_MAX,
        `"What do you see?" is limited to ${TEXT_MAX} characters; paste logs on the timeline.`,
      )
      .default(''),
    severity: z.number({ error: 'Choose a severity.' }).int('Choose a severity.'),
    detection: z.enum(DETECTION_METHODS, {
      error: 'Choose how it was detected: automated alert, user report or manual check.',
    }),
    area: z
      .string()
      .transform(cleanLine)
      .pipe(z.string().trim().max(100, 'Keep the affected area under 100 characters.'))
      .default(''),
    /** Empty: the host fills in the name from settings, else the operating system's user name. */
    recorder: z
      .string({ error: 'Enter your name as the recorder.' })
      .transform(cleanLine)
      .pipe(z.string().trim().max(80, 'Keep your name under 80 characters.'))
      .default(''),
    status: z.enum(INITIAL_STATUSES).default('pending'),
  })
  .strict()

export type RecordIncidentInput = z.input<typeof RecordIncidentInput>
export type RecordIncident = z.output<typeof RecordIncidentInput>

/** Areas offered while typing; the field stays free text. */
export const AREA_SUGGESTIONS = [
  'Frontend (openverse.org)',
  'API',
  'Search',
  'Thumbnails',
  'Ingestion / catalog',
  'Elasticsearch',
  'Database',
  'CDN / Cloudflare',
  'Staging',
  'WordPress integration',
] as const

/** The recording of a new incident, once the input is known to be valid for the scale in use. */
export function recordIncident(
  input: RecordIncident,
  ctx: { incidentId: string; eventId: string; now: Date; scale: SeverityScaleId },
): NewEvent<IncidentRecorded> {
  const levels = allowedLevels(ctx.scale)
  if (!levels.includes(input.severity)) {
    throw new UserError(
      'invalid-severity',
      `Severity ${input.severity} is not on the ${SEVERITY_SCALES[ctx.scale].name} scale; choose one of ${levels.join(', ')}.`,
    )
  }
  return {
    type: 'incident.recorded',
    id: ctx.eventId,
    incidentId: ctx.incidentId,
    at: ctx.now.toISOString(),
    by: input.recorder,
    title: input.title,
    observed: input.observed,
    severity: input.severity,
    scale: ctx.scale,
    detection: input.detection,
    area: input.area,
    status: input.status,
  }
}
