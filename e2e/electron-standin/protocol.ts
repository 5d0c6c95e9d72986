/**
 * Messages between the built app's process (the stand-in, child side) and the test process (the
 * display: it owns Chromium and the pages). Everything crosses Node's child-process IPC channel,
 * which needs no timers, so the child can run under fake timers. It uses the `advanced`
 * (structured clone) serialization, so `undefined` crosses as it does in Electron's IPC.
 */

/** The child tells the display what its windows do. */
export type WindowEvent =
  | {
      kind: 'window:create'
      id: number
      width: number
      height: number
      title: string
      /** The built preload to run before the page's scripts, if any. */
      preload: string | undefined
      now: number
    }
  | { kind: 'window:load'; id: number; url: string }
  | { kind: 'window:visible'; id: number; visible: boolean }
  | { kind: 'window:resize'; id: number; width: number; height: number }
  | { kind: 'window:focus'; id: number }
  | { kind: 'window:destroy'; id: number }
  | { kind: 'window:send'; id: number; channel: string; args: unknown[] }
  | { kind: 'theme'; dark: boolean }

/** A call from one side to the other; the answer carries the same id. */
export interface Request {
  type: 'request'
  id: number
  method: string
  args: unknown[]
}
export interface Response {
  type: 'response'
  id: number
  ok: boolean
  value?: unknown
  error?: string
}
export interface EventMessage {
  type: 'event'
  event: WindowEvent
}
export type Message = Request | Response | EventMessage

/** A menu item as the test reads it (the kept template, without the click functions). */
export interface MenuItemInfo {
  label: string
  type: string
  role?: string
  accelerator?: string
  enabled: boolean
  submenu?: MenuItemInfo[]
}

/** Electron's defaults for the web preferences that keep a page away from the system. */
export const ELECTRON_SECURITY_DEFAULTS = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
} as const
export type WindowSecurity = { [K in keyof typeof ELECTRON_SECURITY_DEFAULTS]: boolean }

/** What the stand-in recorded: the test reads it through `state()`. */
export interface StandinState {
  ready: boolean
  tray: {
    image: string
    /** Shown in one colour, the menu bar's (a macOS template image). */
    monochrome: boolean
    tooltip: string
    title: string
    menu: MenuItemInfo[]
    /** The user holds the menu open (tray.openMenu) and nothing closed it since. */
    menuOpen: boolean
    /** How many times the app set the menu. */
    menuSets: number
    destroyed: boolean
    /** Whether the desktop shows the icon (no StatusNotifierItem host on vanilla GNOME). */
    shown: boolean
  } | null
  applicationMenu: MenuItemInfo[] | null
  notifications: {
    title: string
    body: string
    shownAt: string
    clicked: boolean
    /** Whether the desktop showed it (Windows drops a toast of an unknown AppUserModelID). */
    delivered: boolean
    /** The error of its `failed` event (an unsigned macOS build). */
    failed?: string
  }[]
  clipboard: Record<string, string>[]
  shortcuts: string[]
  openedExternal: string[]
  openedPaths: string[]
  loginItem: { openAtLogin: boolean; args: string[] }
  permissionHandlers: { request: boolean; check: boolean }
  /** getSources calls, macOS permission prompts, Wayland portal picks. */
  capture: { calls: number; permissionPrompts: number; portalPicks: number }
  windows: {
    id: number
    title: string
    visible: boolean
    url: string
    destroyed: boolean
    /** BrowserWindow.getBounds(). */
    bounds: { x: number; y: number; width: number; height: number }
    focused: boolean
    /** In the taskbar, minimized (BrowserWindow.isMinimized()). */
    minimized: boolean
    /** What the user can find it by: a frame, a taskbar entry, kept above other windows. */
    chrome: { frame: boolean; skipTaskbar: boolean; alwaysOnTop: boolean }
    /** The web preferences that bear on security, as Electron applies them (its defaults). */
    security: WindowSecurity
  }[]
  dialogs: { kind: string; title: string | undefined }[]
  /** Every URL the app requested through `net.request` (electron-updater's feed and downloads). */
  requests: string[]
  /** app.relaunch() was called. */
  relaunched: boolean
  now: string
}
