/**
 * The desktop around the window: tray, notifications, global shortcuts, power and theme. Each
 * keeps what the app asked of it for the test to read, and lets the test act as the user or the OS would.
 */
import { EventEmitter } from 'node:events'
import type * as Electron from 'electron'
import { notify } from './bridge'
import { nativeImage, StandinNativeImage } from './image'
import { StandinMenu } from './menu'
import type { SameArgs } from './types'

// https://www.electronjs.org/docs/latest/api/tray
export class StandinTray extends EventEmitter {
  static current: StandinTray | undefined
  image: StandinNativeImage
  tooltip = ''
  title = ''
  menu: StandinMenu | null = null
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
  // Linux shows the menu set last; the app sets it again after every change.
  setContextMenu(menu: Electron.Menu | null): void {
    this.menu = menu as unknown as StandinMenu | null
  }
  destroy(): void {
    this.destroyed = true
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

// https://www.electronjs.org/docs/latest/api/notification
export class StandinNotification extends EventEmitter {
  static shown: { n: StandinNotification; shownAt: string; clicked: boolean }[] = []
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
    StandinNotification.shown.push({ n: this, shownAt: new Date().toISOString(), clicked: false })
    this.emit('show', {})
  }
  close(): void {
    this.emit('close', {})
  }
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
export const registeredShortcuts = new Map<string, () => void>()
export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    const parts = accelerator.split('+')
    const key = parts.pop() ?? ''
    // Electron throws on an accelerator it cannot parse.
    if (!KEY.test(key) || !parts.every((p) => MODIFIER.test(p)))
      throw new Error(`Failed to convert '${accelerator}' to an accelerator`)
    if (taken.has(accelerator) || registeredShortcuts.has(accelerator)) return false
    registeredShortcuts.set(accelerator, callback)
    return true
  },
  isRegistered(accelerator: string): boolean {
    return registeredShortcuts.has(accelerator)
  },
  unregister(accelerator: string): void {
    registeredShortcuts.delete(accelerator)
  },
  unregisterAll(): void {
    registeredShortcuts.clear()
  },
} satisfies SameArgs<
  Pick<Electron.GlobalShortcut, 'register' | 'isRegistered' | 'unregister' | 'unregisterAll'>
>

// https://www.electronjs.org/docs/latest/api/power-monitor: the test emits resume, unlock-screen.
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleTime: (): number => 0,
}) satisfies SameArgs<Pick<Electron.PowerMonitor, 'getSystemIdleTime'>>

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
