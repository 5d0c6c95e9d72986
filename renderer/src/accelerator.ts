/** What a shortcut recorder needs of a KeyboardEvent (a plain object in tests). */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

export type Recorded =
  | { kind: 'accelerator'; accelerator: string }
  | { kind: 'waiting' }
  | { kind: 'invalid'; message: string }

const NAMED: Record<string, string> = {
  ' ': 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
}

/** The key itself, from the physical key so Shift+1 stays "1" and Alt+I on macOS stays "I". */
function keyName(press: KeyPress): string | null {
  if (/^Key[A-Z]$/.test(press.code)) return press.code.slice(3)
  if (/^Digit\d$/.test(press.code)) return press.code.slice(5)
  if (/^F([1-9]|1\d|2[0-4])$/.test(press.key)) return press.key
  return NAMED[press.key] ?? null
}

/** Turns a key press into an Electron accelerator ("CmdOrCtrl+Shift+I"), as a recorder does. */
export function acceleratorFromKeyPress(press: KeyPress, mac: boolean): Recorded {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS'].includes(press.key)) {
    return { kind: 'waiting' }
  }
  const key = keyName(press)
  if (!key) {
    return {
      kind: 'invalid',
      message: `${press.key} cannot be part of a shortcut; use a letter, digit or F-key.`,
    }
  }
  const modifiers: string[] = []
  // The platform's main modifier becomes CmdOrCtrl, so settings move between machines.
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CmdOrCtrl')
  if (mac && press.ctrlKey) modifiers.push('Ctrl')
  if (!mac && press.metaKey) modifiers.push('Super')
  if (press.altKey) modifiers.push('Alt')
  if (press.shiftKey) modifiers.push('Shift')
  if (modifiers.length === 0 || (modifiers.length === 1 && modifiers[0] === 'Shift')) {
    return {
      kind: 'invalid',
      message: `A global shortcut needs ${mac ? '⌘, Ctrl or ⌥' : 'Ctrl or Alt'} as well, so typing elsewhere does not trigger it.`,
    }
  }
  return { kind: 'accelerator', accelerator: [...modifiers, key].join('+') }
}
