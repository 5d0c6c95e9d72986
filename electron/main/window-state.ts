import { readFileSync } from 'node:fs'
import type { BrowserWindow, Display, Rectangle, Screen } from 'electron'
import { writeFileAtomic } from '../store/fs-util'

/**
 * The scratchpad window's size and place, remembered per display: docked narrow beside
 * the tools on the laptop, wide on the external monitor, each comes back where it was. Kept in
 * its own small file in the data folder (window-state.json); only types come from electron, so
 * the logic runs in Node tests.
 */

export interface WindowState {
  version: 1
  /** The display the window was last on (its key), so a restart opens it there. */
  last: string | null
  displays: Record<string, Rectangle>
}

type Area = Pick<Display, 'id' | 'workArea'>

export const EMPTY_STATE: WindowState = { version: 1, last: null, displays: {} }

/** A display is its id and its size: the same id at another resolution is another place. */
export function displayKey(display: Area): string {
  return `${display.id}:${display.workArea.width}x${display.workArea.height}`
}

const isRect = (r: unknown): r is Rectangle =>
  typeof r === 'object' &&
  r !== null &&
  ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((r as Record<string, unknown>)[k]))

/** The saved file, or an empty state when there is none or it is not ours: never a crash. */
export function parseWindowState(text: string | null): WindowState {
  if (!text) return EMPTY_STATE
  try {
    const raw = JSON.parse(text) as Partial<WindowState>
    if (raw.version !== 1 || typeof raw.displays !== 'object' || raw.displays === null)
      return EMPTY_STATE
    const displays = Object.fromEntries(
      Object.entries(raw.displays).filter(([, r]) => isRect(r) && r.width > 0 && r.height > 0),
    )
    const last = typeof raw.last === 'string' && raw.last in displays ? raw.last : null
    return { version: 1, last, displays }
  } catch {
    return EMPTY_STATE
  }
}

export function rememberBounds(state: WindowState, display: Area, bounds: Rectangle): WindowState {
  const key = displayKey(display)
  return { version: 1, last: key, displays: { ...state.displays, [key]: { ...bounds } } }
}

/** Moves and shrinks the bounds so the whole window lies in the work area. */
export function fitInto(bounds: Rectangle, area: Rectangle): Rectangle {
  const width = Math.min(bounds.width, area.width)
  const height = Math.min(bounds.height, area.height)
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { x, y, width, height }
}

/**
 * Where to open: the bounds saved for the display it was last on, if that display is still
 * connected; else those saved for the primary display; else nothing (the default size, centred).
 */
export function boundsToRestore(
  state: WindowState,
  displays: readonly Area[],
  primary: Area,
): Rectangle | null {
  const connected = new Map(displays.map((d) => [displayKey(d), d]))
  for (const key of [state.last, displayKey(primary)]) {
    const display = key ? connected.get(key) : undefined
    const saved = key ? state.displays[key] : undefined
    if (display && saved) return fitInto(saved, display.workArea)
  }
  return null
}

type ScreenLike = Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>
type WindowLike = Pick<BrowserWindow, 'getBounds' | 'isMinimized' | 'isMaximized' | 'on'>

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** The bounds to pass to `new BrowserWindow` (nothing when there is nothing to restore). */
export function restoredBounds(screen: ScreenLike, file: string): Partial<Rectangle> {
  const state = parseWindowState(read(file))
  return boundsToRestore(state, screen.getAllDisplays(), screen.getPrimaryDisplay()) ?? {}
}

/**
 * Saves the window's bounds for the display it is on, a moment after it is moved or resized
 * (a drag sends many events) and when it closes. Minimized or maximized bounds are not kept.
 */
export function keepWindowState(win: WindowLike, screen: ScreenLike, file: string, delayMs = 500) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    clearTimeout(timer)
    timer = undefined
    if (win.isMinimized() || win.isMaximized()) return
    const bounds = win.getBounds()
    const state = parseWindowState(read(file))
    const next = rememberBounds(state, screen.getDisplayMatching(bounds), bounds)
    try {
      writeFileAtomic(file, JSON.stringify(next, null, 2) + '\n')
    } catch (err) {
      // Losing the window's place is not worth an error dialog.
      console.error('Could not save the window position:', err)
    }
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, delayMs)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('close', save)
}
