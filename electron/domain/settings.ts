import { z } from 'zod'
import { Cadence, Reminders } from './cadence'
import { DEFAULT_TEMPLATES, TEMPLATE_IDS, type TemplateId } from './comms/defaults'
import { placeholderNames } from './comms/placeholders'
import { checkTemplate } from './comms/template'
import { SEVERITY_SCALE_IDS } from './severity'

/** Electron accelerator syntax, e.g. CmdOrCtrl+Shift+I. Checked by the OS when registered. */
const Accelerator = z
  .string()
  .trim()
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+[A-Za-z0-9]$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+(F[1-9]|F1[0-9]|F2[0-4]|Space|Enter|Tab|Up|Down|Left|Right)$/,
    'A shortcut is one or more modifiers and a key, like CmdOrCtrl+Shift+I.',
  )

const Templates = z
  .partialRecord(
    z.enum(TEMPLATE_IDS),
    z.string().max(20_000, 'A template is limited to 20,000 characters.'),
  )
  .superRefine((templates, ctx) => {
    for (const [id, text] of Object.entries(templates) as [TemplateId, string][]) {
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
  you: z
    .object({
      name: z.string().trim().max(80, 'Keep your name under 80 characters.').default(''),
    })
    .prefault({}),
  severityScale: z.enum(SEVERITY_SCALE_IDS).default('openverse'),
  shortcuts: z
    .object({
      record: Accelerator.default('CmdOrCtrl+Shift+I'),
    })
    .prefault({}),
  /** Minutes between status updates per severity level. */
  cadence: Cadence,
  reminders: Reminders,
  /** Edited output templates; a missing one means the default. */
  templates: Templates,
  comms: z
    .object({
      /** Log each copy of these outputs on the timeline unless unticked. */
      logCopiesOf: z.array(z.string()).default(['p2-post', 'p2-comment', 'slack']),
    })
    .prefault({}),
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

/** A partial change: each section replaces only the fields given. */
export const SettingsPatch = z
  .object({
    you: Settings.shape.you.unwrap().partial().strict().optional(),
    severityScale: Settings.shape.severityScale.unwrap().optional(),
    shortcuts: Settings.shape.shortcuts.unwrap().partial().strict().optional(),
    cadence: Cadence.unwrap().partial().strict().optional(),
    reminders: Reminders.unwrap().partial().strict().optional(),
    templates: Templates.unwrap().optional(),
    comms: Settings.shape.comms.unwrap().partial().strict().optional(),
    retro: Settings.shape.retro.unwrap().partial().strict().optional(),
  })
  .strict()
export type SettingsPatch = z.input<typeof SettingsPatch>
