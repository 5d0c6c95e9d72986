import { z } from 'zod'
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
      /** Opens the quick-note box (issue 4). */
      quickNote: Accelerator.default('CmdOrCtrl+Shift+N'),
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
  })
  .strict()
export type SettingsPatch = z.input<typeof SettingsPatch>
