import { z } from 'zod'
import { Cadence, Reminders } from '../comms/cadence'
import { DEFAULT_TEMPLATES, TEMPLATE_IDS, type TemplateId } from '../comms/defaults'
import { OUTPUT_IDS } from '../comms/outputs'
import { placeholderNames } from '../comms/placeholders'
import { checkTemplate } from '../comms/template'
import { Appearance, FirstRun, Notifications, You } from './preferences'
import { QuickLink, Runbook } from './runbooks'
import { LeadReminderMinutes, Rota } from './rota'
import { SEVERITY_SCALE_IDS } from '../incident/severity'
import { ShortcutsSchema } from './shortcuts'
import { checkSiteAddress } from './site-address'

const TEMPLATE_MAX = 20_000

/** The outputs whose copies are logged on the timeline: known output ids, each once. */
const LogCopiesOf = z
  .array(
    z.enum(OUTPUT_IDS, {
      error: (issue) =>
        `“${String(issue.input).slice(0, 40)}” is not an output; use ids such as p2-post or slack.`,
    }),
  )
  .max(OUTPUT_IDS.length, `There are ${OUTPUT_IDS.length} outputs; list each at most once.`)
  .transform((ids) => [...new Set(ids)])

const Templates = z
  .partialRecord(
    z.enum(TEMPLATE_IDS),
    z.string().max(TEMPLATE_MAX, 'A template is limited to 20,000 characters.'),
  )
  .superRefine((templates, ctx) => {
    for (const [id, text] of Object.entries(templates) as [TemplateId, string][]) {
      // Too long is said above; checking a huge text's placeholders would only take time.
      if (text.length > TEMPLATE_MAX) continue
      const problem = checkTemplate(text, placeholderNames)
      if (problem)
        ctx.addIssue({ code: 'custom', path: [id], message: `Template “${id}”: ${problem}` })
    }
  })
  .default({})

/** Template texts that equal the default are not stored, so later default changes reach users. */
export function withoutDefaults(templates: Partial<Record<TemplateId, string>>) {
  return Object.fromEntries(
    Object.entries(templates).filter(([id, text]) => DEFAULT_TEMPLATES[id as TemplateId] !== text),
  )
}

/**
 * Every setting with its default, so an older or partial settings file still reads. New fields
 * must have defaults; a renamed field needs a migration in settings-store.ts.
 */
export const Settings = z.object({
  you: You,
  severityScale: z.enum(SEVERITY_SCALE_IDS).default('openverse'),
  shortcuts: ShortcutsSchema,
  /** Minutes between status updates per severity level. */
  cadence: Cadence,
  reminders: Reminders,
  /** Edited output templates; a missing one means the default. */
  templates: Templates,
  comms: z
    .object({
      /** Log each copy of these outputs on the timeline unless unticked. */
      logCopiesOf: LogCopiesOf.default(['p2-post', 'p2-comment', 'slack']),
    })
    .prefault({}),
  notifications: Notifications,
  appearance: Appearance,
  openAtLogin: z.boolean().default(false),
  /** The app's own updates: checked at start and every few hours unless turned off. */
  updates: z.object({ checkAutomatically: z.boolean().default(true) }).prefault({}),
  firstRun: FirstRun,
  mitigation: z
    .object({
      /** Remind when an alarm has been silenced this long, and again every further period. */
      alarmReminderHours: z
        .number({ error: 'The silenced-alarm reminder must be a number of hours.' })
        .int('The silenced-alarm reminder must be a whole number of hours.')
        .min(1, 'The silenced-alarm reminder must be at least 1 hour.')
        .max(168, 'The silenced-alarm reminder can be at most 168 hours (7 d).')
        .default(12),
    })
    .prefault({}),
  /** Links on the incident screen: logs, dashboards, CDN, runbook index. */
  quickLinks: z.array(QuickLink).max(20, 'Keep it to 20 quick links.').default([]),
  /**
   * The runbook library lives in settings: it is small, edited by hand or imported, and shared by
   * all incidents; an incident copies a runbook's steps when linked, so its log stays whole.
   */
  runbooks: z.array(Runbook).max(500).default([]),
  /**
   * The P2 to publish to (WordPress REST API). The application password is not here: it is in
   * the OS keychain through the SecretStore port (services/ports.ts).
   */
  publishing: z
    .object({
      /** Empty when not connected; else an address by the one rule of site-address.ts. */
      url: z
        .string()
        .max(500, 'The site address is limited to 500 characters.')
        .superRefine((url, ctx) => {
          if (url === '') return
          const checked = checkSiteAddress(url)
          if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.problem })
        })
        .default(''),
      user: z.string().max(200).default(''),
      /** Swap the post's status-* tag at every status move once connected. */
      followStatus: z.boolean().default(true),
    })
    .prefault({}),
  /** People who can lead and the weekly runner schedule. */
  rota: Rota,
  /** Minutes between "No lead yet" notifications. */
  leadReminderMinutes: LeadReminderMinutes,
  retro: z
    .object({
      /** Remind this many working days (Monday to Friday) after Resolved while a retro is due. */
      reminderWorkingDays: z
        .number({ error: 'The retrospective reminder needs a number of working days.' })
        .int('The retrospective reminder needs a whole number of working days.')
        .min(0, 'The retrospective reminder can be 0 (right away) to 10 working days.')
        .max(10, 'The retrospective reminder can be 0 (right away) to 10 working days.')
        .default(1),
    })
    .prefault({}),
})
export type Settings = z.output<typeof Settings>

export const DEFAULT_SETTINGS: Settings = Settings.parse({})

/** A field's schema without its default: a patch names only what it changes. */
function bare(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodDefault || field instanceof z.ZodPrefault
    ? bare(field.unwrap() as z.ZodType)
    : field
}

/** Sections a patch replaces whole although they are objects: the rota is edited as one form. */
const REPLACED_WHOLE: ReadonlySet<string> = new Set(['rota'])

/**
 * An object's patch: each field optional and without its default (zod applies a default even
 * inside .partial(), which would reset every field a patch does not name); nested objects are
 * patched the same way, anything else (lists, records, values) is given whole.
 */
function patchOf(object: z.ZodObject, whole: ReadonlySet<string> = new Set()): z.ZodObject {
  const shape = Object.fromEntries(
    Object.entries(object.shape).map(([key, field]) => {
      const inner = bare(field)
      return [
        key,
        (inner instanceof z.ZodObject && !whole.has(key) ? patchOf(inner) : inner).optional(),
      ]
    }),
  )
  return z.object(shape).strict()
}

type Patch<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: Patch<T[K]> }
    : T

/** A partial change, derived from the settings schema: each section replaces only the fields given. */
type SettingsInput = Required<z.input<typeof Settings>>
export type SettingsPatch = {
  [K in keyof SettingsInput]?: K extends 'rota' ? SettingsInput[K] : Patch<SettingsInput[K]>
}
export const SettingsPatch = patchOf(Settings, REPLACED_WHOLE) as z.ZodType<SettingsPatch>

/**
 * The settings a patch gives, before validation: objects merged field by field, records (the
 * templates) key by key, the rest replaced; by the same schema walk as the patch itself.
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): unknown {
  const merged = merge(Settings, current, patch, REPLACED_WHOLE) as Settings
  return { ...merged, templates: withoutDefaults(merged.templates) }
}

function merge(
  schema: z.ZodType,
  current: unknown,
  patch: unknown,
  whole: ReadonlySet<string> = new Set(),
): unknown {
  const inner = bare(schema)
  if (patch === undefined) return current
  if (inner instanceof z.ZodRecord) return { ...(current as object), ...(patch as object) }
  if (!(inner instanceof z.ZodObject)) return patch
  const base = { ...(current as Record<string, unknown>) }
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    const field = inner.shape[key] as z.ZodType
    base[key] = whole.has(key) ? value : merge(field, base[key], value)
  }
  return base
}
