import { z } from 'zod'
import { Cadence, Reminders } from './cadence'
import {
  Appearance,
  FirstRun,
  Notifications,
  WorkingHoursFields,
  You,
  YouFields,
} from './preferences'
import { SEVERITY_SCALE_IDS } from './severity'
import { ShortcutsSchema } from './shortcuts'

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
  notifications: Notifications,
  appearance: Appearance,
  openAtLogin: z.boolean().default(false),
  firstRun: FirstRun,
})
export type Settings = z.output<typeof Settings>

export const DEFAULT_SETTINGS: Settings = Settings.parse({})

/** A partial change: each section replaces only the fields given. */
export const SettingsPatch = z
  .object({
    you: YouFields.extend({ workingHours: WorkingHoursFields.partial().strict() })
      .partial()
      .strict()
      .optional(),
    severityScale: Settings.shape.severityScale.unwrap().optional(),
    shortcuts: ShortcutsSchema.unwrap().partial().strict().optional(),
    cadence: Cadence.unwrap().partial().strict().optional(),
    reminders: Reminders.unwrap().partial().strict().optional(),
    notifications: Notifications.unwrap().partial().strict().optional(),
    appearance: Appearance.unwrap().partial().strict().optional(),
    openAtLogin: z.boolean().optional(),
    firstRun: FirstRun.unwrap().partial().strict().optional(),
  })
  .strict()
export type SettingsPatch = z.input<typeof SettingsPatch>
