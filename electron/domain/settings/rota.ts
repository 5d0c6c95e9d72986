import { z } from 'zod'
import { cleanLine } from '../incident/input-rules'

const HHMM = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write working hours as HH:MM, like 09:00 or 17:30.')

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const RotaPerson = z.object({
  name: z
    .string()
    .max(1000, 'Keep each name under 80 characters.')
    .transform(cleanLine)
    .pipe(z.string().trim().min(1, 'Every person on the rota needs a name.').max(80)),
  handle: z.string().trim().max(80, 'Keep the chat handle under 80 characters.').default(''),
  timeZone: z
    .string()
    .max(100, 'A time zone name is at most 100 characters, like Europe/Berlin.')
    .pipe(
      z
        .string()
        .trim()
        .refine(isTimeZone, {
          error: (issue) =>
            `“${String(issue.input)}” is not a time zone; use a name like Europe/Berlin or America/New_York.`,
        }),
    )
    .default('UTC'),
  workingHours: z
    .object({
      start: HHMM.default('09:00'),
      end: HHMM.default('17:00'),
      /** ISO weekdays, 1 = Monday … 7 = Sunday. */
      days: z
        .array(z.number().int().min(1).max(7, 'Days are 1 (Monday) to 7 (Sunday).'))
        .max(7, 'A week has 7 days: list each working day once.')
        .default([1, 2, 3, 4, 5]),
    })
    .prefault({}),
  expertise: z
    .array(z.string().trim().min(1).max(40, 'Keep each area of expertise under 40 characters.'))
    .max(50, 'Keep it to 50 areas of expertise per person.')
    .default([]),
})
export type RotaPerson = z.output<typeof RotaPerson>

const WeekStart = z
  .string()
  .max(10, 'Write the week’s start as YYYY-MM-DD.')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the week’s start as YYYY-MM-DD.')
  // A pipe: the refinement (which quotes the input) runs only on a date-shaped string.
  .pipe(
    z.string().refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, {
      error: (issue) => `${String(issue.input)} is not a Monday; a runner week starts on a Monday.`,
    }),
  )

export const Rota = z
  .object({
    people: z.array(RotaPerson).max(200).default([]),
    schedule: z
      .array(
        z.object({
          weekStart: WeekStart,
          runner: z.string().trim().min(1).max(80, 'Keep the runner’s name under 80 characters.'),
        }),
      )
      .max(520)
      .default([]),
  })
  .superRefine((rota, ctx) => {
    const names = rota.people.map((p) => p.name.toLowerCase())
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'name'],
          message: `${rota.people[i]!.name} is on the rota twice.`,
        })
    })
    rota.schedule.forEach((week, i) => {
      if (!names.includes(week.runner.toLowerCase()))
        ctx.addIssue({
          code: 'custom',
          path: ['schedule', i, 'runner'],
          // Quoted shortened: this rule runs even when the fields themselves were refused.
          message: `The runner for ${week.weekStart.slice(0, 10)}, ${week.runner.slice(0, 80)}, is not among the rota’s people.`,
        })
    })
  })
  .prefault({})
export type Rota = z.output<typeof Rota>

export const LeadReminderMinutes = z
  .number({ error: 'The “No lead yet” reminder interval must be a number of minutes.' })
  .int('The “No lead yet” reminder interval must be whole minutes.')
  .min(1, 'The “No lead yet” reminder interval must be at least 1 minute.')
  .max(240, 'The “No lead yet” reminder interval can be at most 240 minutes.')
  .default(15)
