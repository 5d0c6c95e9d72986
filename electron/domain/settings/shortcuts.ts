import { z } from 'zod'

const MODIFIER =
  '(CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)'
const KEY = '([A-Za-z0-9]|F[1-9]|F1[0-9]|F2[0-4]|Space|Enter|Tab|Up|Down|Left|Right)'

/** Electron accelerator syntax, e.g. CmdOrCtrl+Shift+I. The OS checks it again when registered. */
export const Accelerator = z
  .string()
  .trim()
  .regex(
    new RegExp(`^(${MODIFIER}\\+)+${KEY}$`),
    'A shortcut is one or more modifiers and a key, like CmdOrCtrl+Shift+I.',
  )

/** Global shortcuts (they work while another app has focus), with what each one does. */
export const SHORTCUT_LABELS = {
  record: 'Record incident',
  showWindow: 'Show the scratchpad',
  quickNote: 'Quick note',
} as const
export type ShortcutAction = keyof typeof SHORTCUT_LABELS
export type Shortcuts = Record<ShortcutAction, string>

export const ShortcutsSchema = z
  .object({
    record: Accelerator.default('CmdOrCtrl+Shift+I'),
    showWindow: Accelerator.default('CmdOrCtrl+Alt+I'),
    /** Opens the small always-on-top quick-note box. */
    quickNote: Accelerator.default('CmdOrCtrl+Shift+N'),
  })
  .prefault({})

const ALIASES: Record<string, string> = {
  commandorcontrol: 'cmdorctrl',
  command: 'cmd',
  control: 'ctrl',
  option: 'alt',
  meta: 'super',
}

/** One spelling per shortcut, so "Ctrl+Shift+I" and "shift+control+i" compare equal. */
export function normalizeAccelerator(accelerator: string): string {
  const parts = accelerator.split('+').map((p) => p.trim().toLowerCase())
  const key = parts.pop() ?? ''
  const modifiers = parts.map((m) => ALIASES[m] ?? m).sort()
  return [...modifiers, key].join('+')
}

/** "Ctrl+Shift+I" for people: CmdOrCtrl becomes ⌘ on macOS and Ctrl elsewhere. */
export function displayAccelerator(accelerator: string, mac: boolean): string {
  return accelerator
    .split('+')
    .map((part) => {
      const p = part.toLowerCase()
      if (p === 'cmdorctrl' || p === 'commandorcontrol') return mac ? '⌘' : 'Ctrl'
      if (p === 'command' || p === 'cmd') return '⌘'
      if (p === 'control') return 'Ctrl'
      if (p === 'option') return mac ? '⌥' : 'Alt'
      return part.length === 1 ? part.toUpperCase() : part
    })
    .join('+')
}

/** The message for two actions sharing one shortcut, or null when every shortcut is distinct. */
export function sharedShortcut(shortcuts: Shortcuts): string | null {
  const seen = new Map<string, ShortcutAction>()
  for (const action of Object.keys(SHORTCUT_LABELS) as ShortcutAction[]) {
    const key = normalizeAccelerator(shortcuts[action])
    const other = seen.get(key)
    if (other) {
      return `${shortcuts[action]} is already the shortcut for "${SHORTCUT_LABELS[other]}". Choose another shortcut for "${SHORTCUT_LABELS[action]}".`
    }
    seen.set(key, action)
  }
  return null
}
