import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventEmitter } from 'node:events'
import type { Rectangle } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  boundsToRestore,
  EMPTY_STATE,
  fitInto,
  keepWindowState,
  parseWindowState,
  rememberBounds,
  restoredBounds,
} from './window-state'

const laptop = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 875 } }
const monitor = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } }

describe('window state per display', () => {
  it('comes back on the display it was last on, each display with its own bounds', () => {
    let state = rememberBounds(EMPTY_STATE, laptop, { x: 1000, y: 40, width: 420, height: 700 })
    state = rememberBounds(state, monitor, { x: 1600, y: 100, width: 1280, height: 800 })
    expect(boundsToRestore(state, [laptop, monitor], laptop)).toEqual({
      x: 1600,
      y: 100,
      width: 1280,
      height: 800,
    })
    // Unplugged: the laptop's own place, not the monitor's.
    expect(boundsToRestore(state, [laptop], laptop)).toEqual({
      x: 1000,
      y: 40,
      width: 420,
      height: 700,
    })
  })

  it('has nothing to restore for a display never seen, or the same id at another size', () => {
    const state = rememberBounds(EMPTY_STATE, monitor, { x: 1600, y: 0, width: 900, height: 700 })
    expect(boundsToRestore(state, [laptop], laptop)).toBeNull()
    const smaller = { id: 2, workArea: { x: 1440, y: 0, width: 1920, height: 1040 } }
    expect(boundsToRestore(state, [laptop, smaller], laptop)).toBeNull()
  })

  it('pulls a window back inside the work area and shrinks it to fit', () => {
    const area = { x: 0, y: 0, width: 1440, height: 875 }
    expect(fitInto({ x: 1300, y: -50, width: 420, height: 700 }, area)).toEqual({
      x: 1020,
      y: 0,
      width: 420,
      height: 700,
    })
    expect(fitInto({ x: 10, y: 10, width: 3000, height: 2000 }, area)).toEqual(area)
  })

  it('reads a broken or foreign file as empty, never throws', () => {
    expect(parseWindowState(null)).toEqual(EMPTY_STATE)
    expect(parseWindowState('{not json')).toEqual(EMPTY_STATE)
    expect(parseWindowState('{"version":2,"displays":{}}')).toEqual(EMPTY_STATE)
    expect(
      parseWindowState(
        JSON.stringify({
          version: 1,
          last: '9:1x1',
          displays: { '1:1440x875': { x: 0, y: 0, width: 0, height: 5 }, '2:3x3': 'no' },
        }),
      ),
    ).toEqual(EMPTY_STATE)
  })
})

class FakeWindow extends EventEmitter {
  bounds: Rectangle = { x: 100, y: 50, width: 1100, height: 760 }
  maximized = false
  getBounds = () => ({ ...this.bounds })
  isMinimized = () => false
  isMaximized = () => this.maximized
  moveTo(bounds: Rectangle) {
    this.bounds = bounds
    this.emit('move')
    this.emit('resize')
  }
}

describe('keepWindowState', () => {
  let dir: string
  let file: string
  const screen = {
    getAllDisplays: () => [laptop, monitor],
    getPrimaryDisplay: () => laptop,
    getDisplayMatching: (r: Rectangle) => (r.x >= monitor.workArea.x ? monitor : laptop),
  } as unknown as Parameters<typeof keepWindowState>[1]
  beforeEach(() => {
    vi.useFakeTimers()
    dir = mkdtempSync(join(tmpdir(), 'window-state-'))
    file = join(dir, 'window-state.json')
  })
  afterEach(() => {
    vi.useRealTimers()
    rmSync(dir, { recursive: true, force: true })
  })

  it('saves once a drag settles, per display, and the next start opens there', () => {
    const win = new FakeWindow()
    keepWindowState(win as never, screen, file)
    win.moveTo({ x: 1000, y: 40, width: 420, height: 700 })
    win.moveTo({ x: 1010, y: 40, width: 420, height: 700 })
    expect(() => readFileSync(file)).toThrow()
    vi.advanceTimersByTime(500)
    win.moveTo({ x: 1700, y: 80, width: 1280, height: 800 })
    win.emit('close')
    const saved = parseWindowState(readFileSync(file, 'utf8'))
    expect(saved.displays).toEqual({
      '1:1440x875': { x: 1010, y: 40, width: 420, height: 700 },
      '2:2560x1400': { x: 1700, y: 80, width: 1280, height: 800 },
    })
    expect(restoredBounds(screen, file)).toEqual({ x: 1700, y: 80, width: 1280, height: 800 })
  })

  it('keeps the last normal bounds while maximized', () => {
    const win = new FakeWindow()
    keepWindowState(win as never, screen, file)
    win.moveTo({ x: 200, y: 40, width: 900, height: 700 })
    vi.advanceTimersByTime(500)
    win.maximized = true
    win.moveTo({ x: 0, y: 0, width: 1440, height: 875 })
    vi.advanceTimersByTime(500)
    expect(restoredBounds(screen, file)).toEqual({ x: 200, y: 40, width: 900, height: 700 })
  })

  it('opens at the default place when the file is missing or damaged', () => {
    expect(restoredBounds(screen, file)).toEqual({})
    writeFileSync(file, '\0\0garbage')
    expect(restoredBounds(screen, file)).toEqual({})
  })
})

describe('size only, where the compositor places windows (Wayland)', () => {
  let dir: string
  let file: string
  const screen = {
    getAllDisplays: () => [laptop, monitor],
    getPrimaryDisplay: () => laptop,
    // Wayland gives every window 0,0: it always seems to be on the primary display.
    getDisplayMatching: () => laptop,
  } as unknown as Parameters<typeof keepWindowState>[1]
  beforeEach(() => {
    vi.useFakeTimers()
    dir = mkdtempSync(join(tmpdir(), 'window-state-'))
    file = join(dir, 'window-state.json')
  })
  afterEach(() => {
    vi.useRealTimers()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the size and leaves the places saved per display as they were', () => {
    const x11 = rememberBounds(EMPTY_STATE, laptop, { x: 1010, y: 40, width: 420, height: 700 })
    writeFileSync(file, JSON.stringify(x11))
    const win = new FakeWindow()
    win.bounds = { x: 0, y: 0, width: 1100, height: 760 }
    keepWindowState(win as never, screen, file, { sizeOnly: true })
    win.moveTo({ x: 0, y: 0, width: 900, height: 650 })
    vi.advanceTimersByTime(500)
    const saved = parseWindowState(readFileSync(file, 'utf8'))
    expect(saved.displays).toEqual(x11.displays)
    expect(saved.size).toEqual({ width: 900, height: 650 })
    expect(restoredBounds(screen, file, true)).toEqual({ width: 900, height: 650 })
    // Back in an X11 session: the laptop's own place, not 0,0.
    expect(restoredBounds(screen, file)).toEqual({ x: 1010, y: 40, width: 420, height: 700 })
  })

  it('opens at the size last saved by place, shrunk to the primary display; never a place', () => {
    const state = rememberBounds(EMPTY_STATE, monitor, { x: 1600, y: 0, width: 2000, height: 700 })
    writeFileSync(file, JSON.stringify(state))
    expect(restoredBounds(screen, file, true)).toEqual({ width: 1440, height: 700 })
    writeFileSync(file, JSON.stringify({ ...EMPTY_STATE, size: { width: -1, height: 'x' } }))
    expect(restoredBounds(screen, file, true)).toEqual({})
  })
})
