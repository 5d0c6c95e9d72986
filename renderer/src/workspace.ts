/**
 * The incident workspace's named panels: the timeline is the main surface, everything
 * else is one key away. Alt+1…5 (Ctrl+1…5 on macOS, where Option+digit types characters).
 */
export const PANELS = [
  { id: 'mitigation', label: 'Mitigation' },
  { id: 'comms', label: 'Communications' },
  { id: 'key-times', label: 'Key times' },
  // The tab says "Retro" on a narrow panel (the start of its name, which stays whole).
  { id: 'retro', label: 'Retrospective', short: 'Retro' },
  { id: 'details', label: 'Details' },
] as const

export type PanelId = (typeof PANELS)[number]['id']

export const DEFAULT_PANEL: PanelId = 'mitigation'

export function panelLabel(id: PanelId): string {
  return PANELS.find((p) => p.id === id)!.label
}

/** "Alt+2" or "Ctrl+2": the key that opens the panel, as the keyboard labels it. */
export function panelKey(id: PanelId, mac: boolean): string {
  return `${mac ? 'Ctrl' : 'Alt'}+${PANELS.findIndex((p) => p.id === id) + 1}`
}

interface KeyLike {
  key: string
  code?: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
}

/** The panel a key press asks for, or null. Reads `code` too: Alt+digit types other keys on some layouts. */
export function panelForKey(event: KeyLike, mac: boolean): PanelId | null {
  const modifier = mac
    ? event.ctrlKey && !event.altKey && !event.metaKey
    : event.altKey && !event.ctrlKey && !event.metaKey
  if (!modifier || event.shiftKey) return null
  const digit = /^Digit([1-9])$/.exec(event.code ?? '')?.[1] ?? event.key
  const index = Number(digit) - 1
  return Number.isInteger(index) ? (PANELS[index]?.id ?? null) : null
}

const KEY = 'incident-tray.panel.'

/**
 * The panel last open on this incident (kept in this window's localStorage); an incident never
 * opened here keeps the panel in view (`fallback`), so switching incidents doesn't jump.
 */
export function recallPanel(
  incidentId: string,
  storage: Pick<Storage, 'getItem'>,
  fallback: PanelId = DEFAULT_PANEL,
): PanelId {
  const saved = safely(() => storage.getItem(KEY + incidentId))
  return PANELS.some((p) => p.id === saved) ? (saved as PanelId) : fallback
}

export function rememberPanel(
  incidentId: string,
  panel: PanelId,
  storage: Pick<Storage, 'setItem'>,
): void {
  // A full or disabled storage only costs the memory, never the switch.
  safely(() => storage.setItem(KEY + incidentId, panel))
}

function safely<T>(run: () => T): T | null {
  try {
    return run()
  } catch {
    return null
  }
}
