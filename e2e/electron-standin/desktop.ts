/**
 * The desktop around the window: tray, notifications, global shortcuts, power and theme. Each
 * keeps what the app asked of it for the test to read, and lets the test act as the user or the OS would.
 */
import { EventEmitter } from 'node:events'
import type * as Electron from 'electron'
import { app } from './app'
import { notify } from './bridge'
import { nativeImage, StandinNativeImage } from './image'
import { StandinMenu } from './menu'
import { desktopFileInstalled, isLinux, isMac, isWayland, isWindows, trayShown } from './platform'
import type { SameArgs } from './types'

// https://www.electronjs.org/docs/latest/api/tray
export class StandinTray extends EventEmitter {
  static current: StandinTray | undefined
  image: StandinNativeImage
  tooltip = ''
  title = ''
  menu: StandinMenu | null = null
  /** The user holds the menu open (tray:open-menu) until they choose an item. */
  menuOpen = false
  /** How often the app replaced the menu: each is a rebuild the desktop redraws. */
  menuSets = 0
  /** Whether the desktop shows the icon at all (platform.ts, trayShown). */
  readonly shown = trayShown
  private destroyed = false

  constructor(image: Electron.NativeImage | string) {
    super()
    this.image = toImage(image)
    StandinTray.current = this
  }
  setImage(image: Electron.NativeImage | string): void {
    this.image = toImage(image)
  }
  setToolTip(toolTip: string): void {
    this.tooltip = toolTip
  }
  setTitle(title: string): void {
    this.title = title
  }
  // Linux shows the menu set last; the app sets it again after every change. There the menu is
  // exported over D-Bus (StatusNotifierItem, docs "Platform Considerations"): a new menu while
  // the user has it open makes the host rebuild it, which closes or resets the open menu.
  setContextMenu(menu: Electron.Menu | null): void {
    this.menu = menu as unknown as StandinMenu | null
    this.menuSets++
    if (isLinux) this.menuOpen = false
  }

  /**
   * The user opens the menu and picks `label`. Only macOS emits `click` on the way: with a
   * context menu set, a mouse-down on the icon emits `click` and then shows the menu
   * (shell/browser/ui/tray_icon_cocoa.mm, `mouseDown:`). Windows opens the menu on a right
   * click (`right-click`, not `click`); on Linux the StatusNotifierItem host opens the menu itself.
   */
  chooseFromMenu(label: string): boolean {
    this.mustBeShown()
    if (isMac) this.emit('click', {}, {}, {})
    else if (isWindows) this.emit('right-click', {}, {})
    const chosen = this.menu?.click(label) ?? false
    this.menuOpen = false
    return chosen
  }

  /** The user opens the menu and leaves it open (to read it). */
  openMenu(): void {
    this.mustBeShown()
    if (isMac) this.emit('click', {}, {}, {})
    else if (isWindows) this.emit('right-click', {}, {})
    this.menuOpen = true
  }

  /**
   * A primary click on the icon: `click` everywhere, on Linux as the host's "activation", which
   * "might not necessarily be left mouse click" (docs, Event: 'click'). On macOS the menu opens too.
   */
  activate(): void {
    this.mustBeShown()
    this.emit('click', {}, {}, {})
    if (isMac && this.menu) this.menuOpen = true
  }
  destroy(): void {
    this.destroyed = true
  }
  /** No icon on the desktop: the user has nothing to click. */
  private mustBeShown(): void {
    if (!this.shown) throw new Error('this desktop shows no tray icon: there is nothing to click')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}
function toImage(image: Electron.NativeImage | string): StandinNativeImage {
  return typeof image === 'string'
    ? nativeImage.createFromPath(image)
    : (image as unknown as StandinNativeImage)
}
export const Tray = StandinTray satisfies new (
  image: Electron.NativeImage | string,
) => SameArgs<
  Pick<
    Electron.Tray,
    'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy' | 'isDestroyed'
  >
>

export interface ShownNotification {
  /**
   * Weak, as in Electron: the native notification calls back into the JS object only while it
   * lives; once it is garbage-collected its delegate is cleared (`~Notification`,
   * shell/browser/api/electron_api_notification.cc) and a click reaches no handler.
   */
  ref: WeakRef<StandinNotification>
  title: string
  body: string
  shownAt: string
  clicked: boolean
  /** Whether the desktop showed it; `failed` holds Electron's error when it did not. */
  delivered: boolean
  failed?: string
}

/**
 * What Windows needs to show a toast: a Start Menu shortcut whose AppUserModelID is the app's
 * (https://www.electronjs.org/docs/latest/tutorial/notifications#windows). The installer writes
 * the shortcut with electron-builder's `appId` (launch passes it); an app that never calls
 * setAppUserModelId runs as "electron.app.<name>" (shell/common/application_info_win.cc) and
 * its toasts are dropped without an error.
 */
function windowsShows(): boolean {
  const shortcut = process.env.STANDIN_SHORTCUT_AUMID
  return (app.appUserModelId ?? `electron.app.${app.getName()}`) === shortcut
}

// https://www.electronjs.org/docs/latest/api/notification
export class StandinNotification extends EventEmitter {
  static shown: ShownNotification[] = []
  readonly title: string
  readonly body: string
  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
  }
  static isSupported(): boolean {
    return true
  }
  show(): void {
    const shown: ShownNotification = {
      ref: new WeakRef(this),
      title: this.title,
      body: this.body,
      shownAt: new Date().toISOString(),
      clicked: false,
      delivered: true,
    }
    StandinNotification.shown.push(shown)
    // macOS: "Unsigned binaries will emit a `failed` event when notifications are called"
    // (docs, Notification); the test plays an unsigned build with STANDIN_UNSIGNED.
    if (isMac && process.env.STANDIN_UNSIGNED === '1') {
      shown.delivered = false
      shown.failed = 'Notifications are not allowed for this application'
      setImmediate(() => this.emit('failed', {}, shown.failed))
      return
    }
    if (isWindows && !windowsShows()) {
      shown.delivered = false
      return
    }
    this.emit('show', {})
  }
  close(): void {
    this.emit('close', {})
  }
}
/**
 * Notification.handleActivation is bound on Windows only (`#if BUILDFLAG(IS_WIN)`,
 * shell/browser/api/electron_api_notification.cc): its callback hears every activation, also of
 * a toast kept in Action Center after the app restarted, "in addition to instance events"; an
 * activation before it is registered is handed over when it is. A plain click's arguments are
 * empty (the toast XML gives the click no `arguments`, windows_toast_notification.cc).
 */
let activationHandler: ((details: Electron.ActivationArguments) => void) | undefined
let missedActivation: Electron.ActivationArguments | undefined
const windowsOnlyStatics = {
  handleActivation(callback: (details: Electron.ActivationArguments) => void): void {
    activationHandler = callback
    if (missedActivation) callback(missedActivation)
    missedActivation = undefined
  },
} satisfies SameArgs<Pick<typeof Electron.Notification, 'handleActivation'>>
if (isWindows) Object.assign(StandinNotification, windowsOnlyStatics)

/** Windows tells the app a toast was clicked (the handler of handleActivation, if any). */
export function toastActivated(): void {
  if (!isWindows) return
  const details = { type: 'click', arguments: '' }
  if (activationHandler) activationHandler(details)
  else missedActivation = details
}

export const Notification = StandinNotification satisfies SameArgs<
  Pick<typeof Electron.Notification, 'isSupported'>
> &
  (new (
    options?: Electron.NotificationConstructorOptions,
  ) => SameArgs<Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body'>>)

// https://www.electronjs.org/docs/latest/api/global-shortcut: a shortcut another app holds
// silently fails to register (false); the test names the taken ones.
const taken = new Set(
  (process.env.STANDIN_TAKEN_SHORTCUTS ?? '').split(',').filter((s) => s.length > 0),
)
const KEY =
  /^([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Return|Escape|Esc|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert|Delete|Backspace|Plus|[,./;'`\-=[\]\\])$/i
const MODIFIER =
  /^(Command|Cmd|Control|Ctrl|CommandOrControl|CmdOrCtrl|Alt|Option|AltGr|Shift|Super|Meta)$/i
/** What Electron holds as registered (isRegistered answers from it). */
const accepted = new Map<string, () => void>()
/** What a key press reaches: on Wayland only the binds the portal granted. */
export const registeredShortcuts = new Map<string, () => void>()

/**
 * Wayland ("Usage on Linux" in the globalShortcut docs): the bind goes through the
 * GlobalShortcuts portal, so `register` returns true before the desktop answers; the desktop
 * grants it only to an app whose `desktopName` names an installed `.desktop` file ("With an
 * invalid or unresolvable ID, GNOME 50.0/50.1 denies every bind — silently, from the app's
 * perspective"), and a key another app holds stays with that app.
 */
function portalGrants(accelerator: string): boolean {
  return desktopFileInstalled(app.desktopName()) && !taken.has(accelerator)
}

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    const parts = accelerator.split('+')
    const key = parts.pop() ?? ''
    // Electron throws on an accelerator it cannot parse.
    if (!KEY.test(key) || !parts.every((p) => MODIFIER.test(p)))
      throw new Error(`Failed to convert '${accelerator}' to an accelerator`)
    if (accepted.has(accelerator)) return false
    if (isWayland) {
      accepted.set(accelerator, callback)
      if (portalGrants(accelerator)) registeredShortcuts.set(accelerator, callback)
      return true
    }
    if (taken.has(accelerator)) return false
    accepted.set(accelerator, callback)
    registeredShortcuts.set(accelerator, callback)
    return true
  },
  isRegistered(accelerator: string): boolean {
    return accepted.has(accelerator)
  },
  unregister(accelerator: string): void {
    accepted.delete(accelerator)
    registeredShortcuts.delete(accelerator)
  },
  unregisterAll(): void {
    accepted.clear()
    registeredShortcuts.clear()
  },
} satisfies SameArgs<
  Pick<Electron.GlobalShortcut, 'register' | 'isRegistered' | 'unregister' | 'unregisterAll'>
>

// https://www.electronjs.org/docs/latest/api/power-monitor: the test emits resume, unlock-screen.
// isOnBatteryPower: STANDIN_ON_BATTERY=1 starts on battery; the test's on-ac / on-battery move it.
let onBattery = process.env.STANDIN_ON_BATTERY === '1'
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleTime: (): number => 0,
  isOnBatteryPower: (): boolean => onBattery,
}) satisfies SameArgs<Pick<Electron.PowerMonitor, 'getSystemIdleTime' | 'isOnBatteryPower'>>
powerMonitor.on('on-ac', () => (onBattery = false))
powerMonitor.on('on-battery', () => (onBattery = true))

// https://www.electronjs.org/docs/latest/api/native-theme: the pages follow themeSource.
export class StandinNativeTheme extends EventEmitter {
  private source: 'system' | 'light' | 'dark' = 'system'
  get themeSource(): 'system' | 'light' | 'dark' {
    return this.source
  }
  set themeSource(value: 'system' | 'light' | 'dark') {
    this.source = value
    notify({ kind: 'theme', dark: value === 'dark' })
    this.emit('updated')
  }
  get shouldUseDarkColors(): boolean {
    return this.source === 'dark'
  }
}
export const nativeTheme = new StandinNativeTheme() satisfies SameArgs<
  Pick<Electron.NativeTheme, 'themeSource' | 'shouldUseDarkColors'>
>
