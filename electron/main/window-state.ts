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
  /**
   * The last size, where the desktop never tells a window its place (Wayland: getBounds gives
   * x and y as 0). Kept apart so a Wayland session never overwrites the places an X11 session
   * saved per display with 0,0.
   */
  size?: Size
}

interface Size {
  width: number
  height: number
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
    const size = { x: 0, y: 0, ...(typeof raw.size === 'object' ? raw.size : {}) }
    const keep = isRect(size) && size.width > 0 && size.height > 0
    return {
      version: 1,
      last,
      displays,
      ...(keep && { size: { width: size.width, height: size.height } }),
    }
  } catch {
    return EMPTY_STATE
  }
}

export function rememberBounds(state: WindowState, display: Area, bounds: Rectangle): WindowState {
  const key = displayKey(display)
  return { ...state, last: key, displays: { ...state.displays, [key]: { ...bounds } } }
}

/** Where the window's place is unknown: its size only, the places per display left as they are. */
export function rememberSize(state: WindowState, bounds: Rectangle): WindowState {
  return { ...state, size: { width: bounds.width, height: bounds.height } }
}

/**
 * The size to open at where the compositor places windows: the last size kept there, else the
 * size of the place last saved (from an X11 session); shrunk to fit the primary display.
 */
export function sizeToRestore(state: WindowState, primary: Area): Size | null {
  const size = state.size ?? (state.last ? state.displays[state.last] : undefined)
  if (!size) return null
  const area = primary.workArea
  return { width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) }
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

/**
 * The bounds to pass to `new BrowserWindow` (nothing when there is nothing to restore). With
 * `sizeOnly` (Wayland: "introspecting or programmatically changing the global window coordinates
 * is prohibited", base-window docs, getBounds) only the size: the compositor places the window.
 */
export function restoredBounds(
  screen: ScreenLike,
  file: string,
  sizeOnly = false,
): Partial<Rectangle> {
  const state = parseWindowState(read(file))
  if (sizeOnly) return sizeToRestore(state, screen.getPrimaryDisplay()) ?? {}
  return boundsToRestore(state, screen.getAllDisplays(), screen.getPrimaryDisplay()) ?? {}
}

/**
 * Saves the window's bounds for the display it is on, a moment after it is moved or resized
 * (a drag sends many events) and when it closes. Minimized or maximized bounds are not kept.
 * With `sizeOnly` (Wayland) the size alone, whatever display the window is on.
 */
export function keepWindowState(
  win: WindowLike,
  screen: ScreenLike,
  file: string,
  { sizeOnly = false, delayMs = 500 } = {},
) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    clearTimeout(timer)
    timer = undefined
    if (win.isMinimized() || win.isMaximized()) return
    const bounds = win.getBounds()
    const state = parseWindowState(read(file))
    const next = sizeOnly
      ? rememberSize(state, bounds)
      : rememberBounds(state, screen.getDisplayMatching(bounds), bounds)
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
