import { z } from 'zod'
import { Cadence, Reminders } from './cadence'
import { QuickLink, Runbook } from './runbooks'
import { SEVERITY_SCALE_IDS } from './severity'

/** Electron accelerator syntax, e.g. CmdOrCtrl+Shift+I. Checked by the OS when registered. */
const Accelerator = z
  .string()
  .trim()
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+[A-Za-z0-9]$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+(F[1-9]|F1[0-9]|F2[0-4]|Space|Enter|Tab|Up|Down|Left|Right)$/,
    'A shortcut is one or more modifiers and a key, like CmdOrCtrl+Shift+I.',
  )

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
    mitigation: Settings.shape.mitigation.unwrap().partial().strict().optional(),
    quickLinks: Settings.shape.quickLinks.unwrap().optional(),
    runbooks: Settings.shape.runbooks.unwrap().optional(),
  })
  .strict()
export type SettingsPatch = z.input<typeof SettingsPatch>
