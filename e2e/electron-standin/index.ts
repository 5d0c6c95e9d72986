/**
 * The Electron stand-in: what `import ... from 'electron'` gives the built main process when it
 * runs in Node under `launchBuiltApp()` (e2e/electron-standin/launch.ts). Named exports for the
 * app, a default export for electron-store (`import electron from 'electron'`).
 */
import { advance, setTime, sleep } from './clock'
import { app } from './app'
import { serve } from './bridge'
import {
  globalShortcut,
  nativeTheme,
  Notification,
  powerMonitor,
  registeredShortcuts,
  StandinNotification,
  StandinTray,
  toastActivated,
  Tray,
} from './desktop'
import { ipcMain } from './ipc-main'
import {
  clipboard,
  ClipboardItem,
  captureLog,
  clipboardWrites,
  desktopCapturer,
  dialog,
  dialogAnswers,
  dialogsShown,
  openedExternal,
  openedPaths,
  permissionHandlers,
  screen,
  session,
  shell,
  systemPreferences,
} from './system'
import { NativeImage, nativeImage } from './image'
import { Menu, MenuItem, StandinMenu } from './menu'
import { isMac as platformIsMac } from './platform'
import { protocol } from './scheme'
import { safeStorage } from './safe-storage'
import type { StandinState } from './protocol'
import { BrowserWindow, windowStates } from './window'
import { autoUpdater, net, netRequests } from './net'

// A packaged app's resources folder (app-update.yml, package-type), where the test puts it.
if (process.env.STANDIN_RESOURCES_PATH)
  Object.assign(process, { resourcesPath: process.env.STANDIN_RESOURCES_PATH })

// The sandboxed preload gets its own contextBridge and ipcRenderer in the page (page/sandbox.ts).
const electron = {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  desktopCapturer,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  NativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
}
export default electron
// CommonJS `require('electron')` (electron-updater) gets the same object (register.mjs).
Object.assign(globalThis, { [Symbol.for('incident-tray.electron-standin')]: electron })
export {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  desktopCapturer,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  NativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
}

function state(): StandinState {
  const tray = StandinTray.current
  return {
    ready: app.isReady(),
    tray: tray
      ? {
          image: tray.image.sourcePath,
          // macOS draws a template image in the menu bar's own colour (native-image docs,
          // "Template Image"): whatever colour the file has is not seen there.
          monochrome: platformIsMac && tray.image.isTemplateImage(),
          tooltip: tray.tooltip,
          title: tray.title,
          menu: tray.menu?.info() ?? [],
          menuOpen: tray.menuOpen,
          menuSets: tray.menuSets,
          destroyed: tray.isDestroyed(),
          shown: tray.shown,
        }
      : null,
    applicationMenu: StandinMenu.getApplicationMenu()?.info() ?? null,
    notifications: StandinNotification.shown.map(({ ref: _, ...shown }) => shown),
    clipboard: clipboardWrites,
    shortcuts: [...registeredShortcuts.keys()],
    openedExternal,
    openedPaths,
    loginItem: app.loginItemState(),
    permissionHandlers,
    capture: captureLog,
    windows: windowStates(),
    dialogs: dialogsShown,
    requests: netRequests,
    relaunched: app.relaunched,
    now: new Date().toISOString(),
  }
}

// What the test does as the user, the OS or time.
serve('state', state)
serve('tray:click', (label: string) => {
  if (!StandinTray.current?.chooseFromMenu(label))
    throw new Error(`the tray menu has no enabled item "${label}"`)
})
serve('tray:activate', () => StandinTray.current?.activate())
serve('tray:open-menu', () => StandinTray.current?.openMenu())
/**
 * The user clicks a notification some time after it appeared: by then V8 has collected what
 * nothing holds (the child runs with --expose-gc to make that moment now, not "some time").
 */
serve('notification:click', (index: number) => {
  const shown = StandinNotification.shown[index]
  if (!shown) throw new Error(`no notification ${index}`)
  if (!shown.delivered) throw new Error(`notification ${index} was never shown`)
  ;(globalThis as { gc?: () => void }).gc?.()
  shown.clicked = true
  shown.ref.deref()?.emit('click', {})
  toastActivated()
})
/** Windows: a toast left in Action Center by an earlier run of the app is clicked. */
serve('notification:click-stored', () => toastActivated())
serve('session:end', () => app.endSession(BrowserWindow.getAllWindows()))
serve('shortcut:press', (accelerator: string) => {
  const run = registeredShortcuts.get(accelerator)
  if (!run) throw new Error(`no global shortcut ${accelerator} is registered`)
  run()
})
serve('power:emit', (name: string) => void powerMonitor.emit(name, {}))
serve('clock:advance', (ms: number) => advance(ms))
serve('clock:set', (at: number) => setTime(at))
serve('clock:sleep', (ms: number) => sleep(ms))
serve('dialog:answer', (answer: (typeof dialogAnswers)[number]) => void dialogAnswers.push(answer))
serve('app:quit', () => app.quit())
