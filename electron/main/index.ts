import { join } from 'node:path'
import { app, BrowserWindow, globalShortcut, shell } from 'electron'
import Store from 'electron-store'
import { systemClock } from '../services/clock'
import { createHost, type Host } from '../services/host'
import type { UiCommand } from '../shared/ipc-contract'
import type { SettingsBackend } from '../store/settings-store'
import { electronClipboard, electronNotifier } from './adapters'
import { electronCapturer } from './capture'
import { push, registerIpc } from './ipc'
import { AppTray } from './tray'
import {
  isAppUrl,
  isSafeExternalUrl,
  quickNoteWindowOptions,
  scratchpadWindowOptions,
} from './window-options'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
// INCIDENT_TRAY_DATA_DIR lets a test or a second profile use its own folder.
const dataDir = process.env.INCIDENT_TRAY_DATA_DIR ?? app.getPath('userData')
let window: BrowserWindow | undefined
let quickNote: BrowserWindow | undefined
let tray: AppTray | undefined
let host: Host | undefined
let quitting = false

function showWindow(command?: UiCommand): void {
  if (!window || window.isDestroyed()) window = createWindow()
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
  if (command) {
    const target = window.webContents
    if (target.isLoading())
      target.once('did-finish-load', () => push(target, 'ui:command', command))
    else push(target, 'ui:command', command)
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(scratchpadWindowOptions(join(__dirname, '../preload/index.cjs')))
  win.once('ready-to-show', () => win.show())
  // Closing the window keeps the app in the tray; Quit is in the tray menu.
  win.on('close', (event) => {
    if (!quitting) {
      event.preventDefault()
      win.hide()
    }
  })
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}

/** The same renderer at #quick-note; it closes itself on Enter or Esc, and when it loses focus. */
function showQuickNote(): void {
  if (quickNote && !quickNote.isDestroyed()) {
    quickNote.show()
    quickNote.focus()
    return
  }
  const win = new BrowserWindow(quickNoteWindowOptions(join(__dirname, '../preload/index.cjs')))
  quickNote = win
  win.once('ready-to-show', () => win.show())
  win.on('blur', () => win.close())
  if (devServerUrl) void win.loadURL(`${devServerUrl}#quick-note`)
  else void win.loadFile(join(__dirname, '../renderer/index.html'), { hash: 'quick-note' })
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}

function registerShortcuts(current: Host): void {
  globalShortcut.unregisterAll()
  const accelerator = current.settings().shortcuts.record
  const registered = globalShortcut.register(accelerator, () => showWindow({ kind: 'record' }))
  if (!registered) console.warn(`The shortcut ${accelerator} is taken by another app.`)
  const quick = current.settings().shortcuts.quickNote
  if (!globalShortcut.register(quick, showQuickNote)) {
    console.warn(`The quick-note shortcut ${quick} is taken by another app.`)
  }
}

async function start(): Promise<void> {
  hardenWebContents()
  tray = new AppTray(join(app.getAppPath(), 'assets'), {
    record: () => showWindow({ kind: 'record' }),
    openIncident: (id) => showWindow({ kind: 'open-incident', id }),
    open: () => showWindow(),
    quit: () => app.quit(),
  })
  // Lets the Electron smoke spec see that the tray exists.
  Object.assign(globalThis, { incidentTrayHasTray: true })
  host = createHost({
    dataDir,
    ports: {
      clock: systemClock,
      notifier: electronNotifier((id) => showWindow({ kind: 'open-incident', id })),
      clipboard: electronClipboard,
      capturer: electronCapturer,
    },
    openSettings: () =>
      new Store({
        name: 'settings',
        cwd: dataDir,
        clearInvalidConfig: false,
      }) as unknown as SettingsBackend,
    onTray: (model) => tray?.apply(model),
  })
  const current = host
  registerIpc(current, (event) => isAppUrl(event.senderFrame?.url ?? '', devServerUrl))
  current.subscribe((snapshot) => {
    for (const win of BrowserWindow.getAllWindows())
      push(win.webContents, 'state:changed', snapshot)
  })
  registerShortcuts(current)
  showWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => showWindow())
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', () => {
    globalShortcut.unregisterAll()
    host?.close()
    tray?.destroy()
  })
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined)
  app.on('activate', () => showWindow())
  app.whenReady().then(start, (err: unknown) => {
    console.error(err)
    app.exit(1)
  })
}
