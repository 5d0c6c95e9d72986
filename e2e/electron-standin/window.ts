/**
 * BrowserWindow and webContents. Each window is a real Chromium page held by the display
 * (the test process); this side keeps Electron's state and events and forwards what the page
 * must do. https://www.electronjs.org/docs/latest/api/browser-window,
 * https://www.electronjs.org/docs/latest/api/web-contents
 */
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import type * as Electron from 'electron'
import { app, quitHooks } from './app'
import { notify, serve } from './bridge'
import { isWayland } from './platform'
import { screen } from './system'
import type { SameArgs } from './types'
import { ELECTRON_SECURITY_DEFAULTS, type WindowSecurity } from './protocol'

interface Cancellable {
  defaultPrevented: boolean
  preventDefault(): void
}
function cancellable(): Cancellable {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
  return event
}

let nextId = 1
const windows = new Map<number, StandinBrowserWindow>()
let focusedId: number | undefined
/**
 * Wayland: the launcher hands a started app one activation token (xdg-activation,
 * XDG_ACTIVATION_TOKEN), which lets its first window take the focus.
 */
const launchToken = { unused: isWayland }

export class StandinWebContents extends EventEmitter {
  private loading = false
  private destroyed = false
  url = ''
  windowOpenHandler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse =
    () => ({ action: 'allow' })

  constructor(readonly id: number) {
    super()
  }
  // https://www.electronjs.org/docs/latest/api/web-contents#contentssendchannel-arg1-arg2-
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    notify({ kind: 'window:send', id: this.id, channel, args })
  }
  isLoading(): boolean {
    return this.loading
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getURL(): string {
    return this.url
  }
  // https://www.electronjs.org/docs/latest/api/web-contents#contentssetwindowopenhandlerhandler
  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    this.windowOpenHandler = handler
  }
  loadURL(url: string): Promise<void> {
    this.loading = true
    this.url = url
    notify({ kind: 'window:load', id: this.id, url })
    return new Promise((resolve) => this.once('did-finish-load', () => resolve()))
  }
  loadFile(filePath: string, options?: Electron.LoadFileOptions): Promise<void> {
    // Like Electron: a file: URL, with the hash and query given in the options.
    const url = pathToFileURL(filePath)
    if (options?.hash) url.hash = options.hash
    if (options?.search) url.search = options.search
    return this.loadURL(url.href)
  }
  finishedLoading(): void {
    this.loading = false
    this.emit('did-finish-load', cancellable())
  }
  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
}

type WebContentsMembers =
  'send' | 'isLoading' | 'isDestroyed' | 'getURL' | 'setWindowOpenHandler' | 'loadURL' | 'loadFile'

export class StandinBrowserWindow extends EventEmitter {
  readonly id = nextId++
  readonly webContents: StandinWebContents
  private visible = false
  private destroyed = false
  private minimized = false
  private shownOnce = false
  private bounds: Electron.Rectangle
  title: string
  /** What the user can find the window by: a frame, a taskbar entry, kept above others. */
  readonly chrome: { frame: boolean; skipTaskbar: boolean; alwaysOnTop: boolean }
  /** The security-related web preferences in force: as given, else Electron's defaults. */
  readonly security: WindowSecurity

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super()
    checkOptions(options)
    this.title = options.title ?? app.getName()
    // Electron centres a window given no position on the primary display.
    const area = screen.getPrimaryDisplay().workArea
    const width = options.width ?? 800
    const height = options.height ?? 600
    // Wayland: the compositor places windows; an app cannot ask for a position or learn it
    // ("getBounds … will return { x: 0, y: 0, ... }", base-window docs).
    this.bounds = {
      x: isWayland ? 0 : (options.x ?? area.x + Math.round((area.width - width) / 2)),
      y: isWayland ? 0 : (options.y ?? area.y + Math.round((area.height - height) / 2)),
      width,
      height,
    }
    this.chrome = {
      frame: options.frame ?? true,
      skipTaskbar: options.skipTaskbar ?? false,
      // alwaysOnTop: "Not supported on Wayland (Linux)" (browser-window docs).
      alwaysOnTop: !isWayland && (options.alwaysOnTop ?? false),
    }
    const prefs = options.webPreferences ?? {}
    this.security = Object.fromEntries(
      Object.entries(ELECTRON_SECURITY_DEFAULTS).map(([name, fallback]) => [
        name,
        prefs[name as keyof WindowSecurity] ?? fallback,
      ]),
    ) as WindowSecurity
    this.webContents = new StandinWebContents(this.id)
    windows.set(this.id, this)
    notify({
      kind: 'window:create',
      id: this.id,
      width,
      height,
      title: this.title,
      preload: options.webPreferences?.preload,
      now: Date.now(),
    })
    this.webContents.once('did-finish-load', () => {
      // ready-to-show: the page has painted (https://www.electronjs.org/docs/latest/api/browser-window#event-ready-to-show).
      if (!this.shownOnce) this.emit('ready-to-show', cancellable())
    })
    app.emit('web-contents-created', cancellable(), this.webContents)
    if (options.show !== false) this.show()
  }

  static getAllWindows(): StandinBrowserWindow[] {
    return [...windows.values()]
  }
  static getFocusedWindow(): StandinBrowserWindow | null {
    return (focusedId !== undefined && windows.get(focusedId)) || null
  }
  static fromId(id: number): StandinBrowserWindow | null {
    return windows.get(id) ?? null
  }

  loadFile(filePath: string, options?: Electron.LoadFileOptions): Promise<void> {
    return this.webContents.loadFile(filePath, options)
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  show(): void {
    this.guard()
    this.shownOnce = true
    this.visible = true
    this.minimized = false
    notify({ kind: 'window:visible', id: this.id, visible: true })
    this.emit('show')
    this.focus()
  }
  hide(): void {
    this.guard()
    if (!this.visible) return
    this.visible = false
    notify({ kind: 'window:visible', id: this.id, visible: false })
    if (focusedId === this.id) this.blurNow()
    this.emit('hide')
  }
  /**
   * Focus moves here; the window that had it gets `blur`. On Wayland an app cannot focus a
   * window "without user input" (browser-window docs, Platform notices): only while one of its
   * windows already has the focus; otherwise the desktop at most flashes it.
   */
  focus(): void {
    this.guard()
    if (isWayland && focusedId === undefined && !launchToken.unused) return
    launchToken.unused = false
    this.takeFocus()
  }
  /** The user clicks into the window: focus comes whatever the platform. */
  takeFocus(): void {
    this.guard()
    if (focusedId === this.id) return
    const previous = focusedId === undefined ? undefined : windows.get(focusedId)
    focusedId = this.id
    previous?.emit('blur', cancellable())
    notify({ kind: 'window:focus', id: this.id })
    this.emit('focus', cancellable())
  }
  /** What the test does when it focuses another app: the window loses focus. */
  blurNow(): void {
    if (focusedId !== this.id) return
    focusedId = undefined
    this.emit('blur', cancellable())
  }
  isVisible(): boolean {
    return this.visible && !this.destroyed
  }
  isFocused(): boolean {
    return focusedId === this.id
  }
  isMinimized(): boolean {
    return this.minimized
  }
  /**
   * A visible window goes to the taskbar; a hidden one is shown there minimized
   * (`NativeWindowViews::Minimize`, shell/browser/native_window_views.cc). Either way it keeps
   * its taskbar entry and gives up the focus.
   */
  minimize(): void {
    this.guard()
    if (this.minimized) return
    this.minimized = true
    if (!this.visible) {
      this.shownOnce = true
      this.visible = true
      notify({ kind: 'window:visible', id: this.id, visible: true })
      this.emit('show')
    }
    if (focusedId === this.id) this.blurNow()
    this.emit('minimize')
  }
  restore(): void {
    this.guard()
    if (!this.minimized) return
    this.minimized = false
    this.emit('restore')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMaximized(): boolean {
    return false
  }
  getBounds(): Electron.Rectangle {
    return { ...this.bounds }
  }
  /** Like Electron: `move` and `resize` follow a change of place or size; the page gets the size. */
  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.guard()
    const before = this.bounds
    this.bounds = { ...before, ...bounds }
    if (isWayland) this.bounds = { ...this.bounds, x: 0, y: 0 }
    if (this.bounds.x !== before.x || this.bounds.y !== before.y) this.emit('move')
    if (this.bounds.width !== before.width || this.bounds.height !== before.height) {
      notify({
        kind: 'window:resize',
        id: this.id,
        width: this.bounds.width,
        height: this.bounds.height,
      })
      this.emit('resize')
    }
  }
  getTitle(): string {
    return this.title
  }
  setTitle(title: string): void {
    this.title = title
  }
  /** `close` can be cancelled; otherwise the window goes (https://www.electronjs.org/docs/latest/api/browser-window#event-close). */
  close(): void {
    if (this.destroyed) return
    const event = cancellable()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    if (focusedId === this.id) focusedId = undefined
    windows.delete(this.id)
    this.webContents.destroy()
    notify({ kind: 'window:destroy', id: this.id })
    this.emit('closed')
    // https://www.electronjs.org/docs/latest/api/app#event-window-all-closed: with no listener,
    // the app quits when the last window closes.
    if (windows.size === 0 && !app.isQuitting()) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed')
      else app.quit()
    }
  }
  private guard(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
  }
}

/** The secure defaults the app must keep, and a preload that exists (checked, not modelled). */
function checkOptions(options: Electron.BrowserWindowConstructorOptions): void {
  const prefs = options.webPreferences ?? {}
  const problems: string[] = []
  if (prefs.contextIsolation === false) problems.push('contextIsolation is off')
  if (prefs.sandbox === false) problems.push('sandbox is off')
  if (prefs.nodeIntegration === true) problems.push('nodeIntegration is on')
  if (prefs.preload !== undefined && !existsSync(prefs.preload))
    problems.push(`the preload ${prefs.preload} does not exist`)
  if (problems.length) throw new Error(`BrowserWindow options refused: ${problems.join('; ')}`)
}

quitHooks.closeAllWindows = () => {
  for (const win of [...windows.values()]) {
    win.close()
    if (!win.isDestroyed()) return false
  }
  return true
}

type WindowMembers =
  | 'loadFile'
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isVisible'
  | 'isFocused'
  | 'isMinimized'
  | 'minimize'
  | 'restore'
  | 'isDestroyed'
  | 'isMaximized'
  | 'getBounds'
  | 'setBounds'
  | 'getTitle'
  | 'setTitle'
  | 'close'
  | 'destroy'
  | 'id'

export const BrowserWindow = StandinBrowserWindow satisfies SameArgs<
  Pick<typeof Electron.BrowserWindow, 'getAllWindows' | 'getFocusedWindow' | 'fromId'>
> &
  (new (options?: Electron.BrowserWindowConstructorOptions) => SameArgs<
    Pick<Electron.BrowserWindow, WindowMembers>
  > & {
    webContents: SameArgs<Pick<Electron.WebContents, WebContentsMembers>>
  })

// What the page does, forwarded by the display.
export function byId(id: number): StandinBrowserWindow {
  const win = windows.get(id)
  if (!win) throw new Error(`no window ${id}`)
  return win
}
serve('window:loaded', (id: number) => byId(id).webContents.finishedLoading())
serve('window:close', (id: number) => byId(id).close())
/** The user drags or resizes the window. */
serve('window:set-bounds', (id: number, bounds: Electron.Rectangle) => byId(id).setBounds(bounds))
serve('window:blur', (id: number) => byId(id).blurNow())
serve('window:focus', (id: number) => byId(id).takeFocus())
/** window.open and target=_blank links: the handler decides; `deny` opens nothing. */
serve('window:open', (id: number, url: string) => {
  const response = byId(id).webContents.windowOpenHandler({
    url,
    frameName: '',
    features: '',
    disposition: 'foreground-tab',
    referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
  })
  return response.action
})
/** will-navigate for a navigation the page started; true when it may go on. */
serve('window:will-navigate', (id: number, url: string) => {
  const event = cancellable()
  byId(id).webContents.emit('will-navigate', event, url)
  return !event.defaultPrevented
})
export function windowStates(): {
  id: number
  title: string
  visible: boolean
  url: string
  destroyed: boolean
  focused: boolean
  minimized: boolean
  bounds: Electron.Rectangle
  chrome: { frame: boolean; skipTaskbar: boolean; alwaysOnTop: boolean }
  security: WindowSecurity
}[] {
  return [...windows.values()].map((w) => ({
    id: w.id,
    title: w.title,
    visible: w.isVisible(),
    url: w.webContents.url,
    destroyed: w.isDestroyed(),
    focused: w.isFocused(),
    minimized: w.isMinimized(),
    bounds: w.getBounds(),
    chrome: { ...w.chrome },
    security: { ...w.security },
  }))
}
