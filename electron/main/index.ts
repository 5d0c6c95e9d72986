import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  globalShortcut,
  Menu,
  nativeTheme,
  Notification,
  powerMonitor,
  screen,
  shell,
} from 'electron'
import { systemClock } from '../services/clock'
import { backupWorker } from '../services/backup-worker-client'
import { createHost, type Host } from '../services/host'
import type { UiCommand } from '../shared/ipc-contract'
import {
  electronClipboard,
  electronDesktop,
  electronFileSaver,
  electronFilePicker,
  electronFolderPicker,
  electronNotifier,
  electronSecrets,
  electronShortcuts,
} from './adapters'
import { menuTemplate } from './menu'
import { openSettingsStore } from './settings-file'
import { push, registerIpc } from './ipc'
import { AppTray } from './tray'
import { createGuards } from './guards'
import { confirmPlainHttp, hardenWebContents } from './external-links'
import { denyAllPermissions, pageUrl, registerAppScheme, serveRenderer } from './app-protocol'
import { quickNoteWindowOptions, scratchpadWindowOptions } from './window-options'
import { keepWindowState, restoredBounds } from './window-state'
import { electronCapturer } from './capture'
import { ElectronUpdater, updateTrayActions } from './updater'
import { APP_USER_MODEL_ID, onWayland, waylandShortcutProblem } from './platform'
import { NO_TRAY_NOTICE, whenNoTrayHost } from './tray-host'
import { describeFailure, whenHolderGone, type StartupFailure } from './startup-failure'
import { failurePage } from './failure-window'

// The dev server only in development: a packaged app never takes its page from the environment.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
registerAppScheme()
// Windows shows toasts only for the AppUserModelID of the installer's Start Menu shortcut.
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
// INCIDENT_TRAY_DATA_DIR lets a test or a second profile use its own folder.
const dataDir = process.env.INCIDENT_TRAY_DATA_DIR ?? app.getPath('userData')
let window: BrowserWindow | undefined
let quickNote: BrowserWindow | undefined
let tray: AppTray | undefined
let host: Host | undefined
let quitting = false
/** No tray icon shows on this desktop (vanilla GNOME): a closed window is kept, minimized. */
let trayMissing = false
/** What start() is doing, so a failure can say where it happened. */
let step = 'starting'
const guards = createGuards(devServerUrl, (url) => void shell.openExternal(url), confirmPlainHttp)

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

function createWindow(show = true): BrowserWindow {
  // Size and place per display as the user left them; on Wayland (the compositor places) the size.
  const stateFile = join(dataDir, 'window-state.json')
  const win = new BrowserWindow({
    ...scratchpadWindowOptions(join(__dirname, '../preload/index.cjs')),
    ...restoredBounds(screen, stateFile, onWayland()),
  })
  keepWindowState(win, screen, stateFile, { sizeOnly: onWayland() })
  if (show) win.once('ready-to-show', () => win.show())
  // Windows ends a session (log off, shut down) without before-quit or will-quit, and kills the
  // process once its windows have heard `session-end`: close the data folder cleanly now.
  win.on('session-end', () => closeHost())
  // Closing keeps the app in the tray (Quit is in its menu); with no tray, minimized in the taskbar.
  win.on('close', (event) => {
    if (!quitting) {
      event.preventDefault()
      if (trayMissing) win.minimize()
      else win.hide()
    }
  })
  void win.loadURL(pageUrl(devServerUrl))
  return win
}

/** The same renderer at #quick-note; it closes itself on Enter or Esc, and when it loses focus. */
function showQuickNote(): void {
  if (quickNote && !quickNote.isDestroyed()) {
    quickNote.show()
    quickNote.focus()
    return
  }
  const win = new BrowserWindow(
    quickNoteWindowOptions(join(__dirname, '../preload/index.cjs'), onWayland()),
  )
  quickNote = win
  win.once('ready-to-show', () => win.show())
  win.on('blur', () => win.close())
  void win.loadURL(pageUrl(devServerUrl, 'quick-note'))
}

/** The tray and what its items do (the update's items: main/updater.ts). */
function createTray(): AppTray {
  return new AppTray(join(app.getAppPath(), 'assets'), {
    record: () => showWindow({ kind: 'record' }),
    quickNote: () => showQuickNote(),
    openIncident: (id) => showWindow({ kind: 'open-incident', id }),
    open: (command) => showWindow(command),
    settings: () => showWindow({ kind: 'settings' }),
    quit: () => app.quit(),
    ...updateTrayActions(
      (c) => void host?.dispatch(c, undefined),
      showWindow,
      () => window,
    ),
  })
}

async function start(): Promise<void> {
  step = 'setting up the windows and menus'
  serveRenderer(join(__dirname, '../renderer'))
  denyAllPermissions()
  hardenWebContents(guards)
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(process.platform === 'darwin', {
        record: () => showWindow({ kind: 'record' }),
        settings: () => showWindow({ kind: 'settings' }),
        palette: () => showWindow({ kind: 'palette' }),
        quit: () => app.quit(),
      }),
    ),
  )
  step = 'creating the tray icon'
  tray = createTray()
  // Lets the Electron smoke spec see that the tray exists.
  Object.assign(globalThis, { incidentTrayHasTray: true })
  step = 'opening the data folder and the incident logs'
  host = createHost({
    dataDir,
    ports: {
      clock: systemClock,
      notifier: electronNotifier(
        (id) => showWindow({ kind: 'open-incident', id }),
        (notice) => host?.notice(notice),
      ),
      clipboard: electronClipboard,
      // Keys are the settings' shortcut actions (electron/domain/shortcuts.ts).
      shortcuts: electronShortcuts({
        record: () => showWindow({ kind: 'record' }),
        showWindow: () => showWindow(),
        quickNote: () => showQuickNote(),
      }),
      desktop: electronDesktop,
      folderPicker: electronFolderPicker,
      filePicker: electronFilePicker,
      files: electronFileSaver,
      capturer: electronCapturer(),
      backupWorker: backupWorker(join(__dirname, 'backup-unzip-worker.js')),
      secrets: electronSecrets(join(dataDir, 'secrets.json')),
      // The app's own updates (main/updater.ts): installing closes the data folder first.
      updater: new ElectronUpdater({ beforeInstall: () => closeHost(), log: console.warn }),
    },
    openSettings: () => openSettingsStore(dataDir),
    onTray: (model) => tray?.apply(model),
  })
  const current = host
  const shortcutProblem = waylandShortcutProblem(app.getAppPath())
  if (shortcutProblem) current.notice(shortcutProblem)
  step = 'connecting the window to the app'
  registerIpc(guards.guardedDispatch(current.dispatch))
  // Native dialogs, menus and prefers-color-scheme follow the theme chosen in settings.
  nativeTheme.themeSource = current.settings().appearance.theme
  // What changed, not the whole state: one incident's summary, or a snapshot after settings.
  current.onPush((change) => {
    if (change.channel === 'state:changed')
      nativeTheme.themeSource = change.payload.settings.appearance.theme
    for (const win of BrowserWindow.getAllWindows())
      push(win.webContents, change.channel, change.payload)
  })
  // Windows: a toast clicked in Action Center after the app restarted has no Notification
  // object left to hear it; handleActivation hears every click, so the window opens.
  if (process.platform === 'win32') Notification.handleActivation(() => showWindow())
  // Timers stop while the machine sleeps: look at every deadline again on wake-up.
  powerMonitor.on('resume', () => current.wake())
  powerMonitor.on('unlock-screen', () => current.wake())
  // Opened at login, stay in the tray until asked. The Linux autostart entry and the Windows
  // login item pass --hidden; macOS passes no arguments and says wasOpenedAtLogin instead.
  const atLogin =
    process.argv.includes('--hidden') ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)
  if (!atLogin) showWindow()
  // Windows tells only windows that the session ends: keep one, hidden, to hear it.
  else if (process.platform === 'win32') window = createWindow(false)
  whenNoTrayHost(() => {
    trayMissing = true
    current.notice(NO_TRAY_NOTICE)
    // Started hidden at login: a minimized window is the way in.
    if (!window || window.isDestroyed()) (window = createWindow(false)).minimize()
  })
}

/** The data folder closed cleanly (index written, lock released), once. */
function closeHost(): void {
  const closing = host
  host = undefined
  closing?.close()
}

let showFailure: (() => void) | undefined

/** Start-up failed: a window says what and where, the tray turns red; nothing dies silently. */
function showStartupFailure(failure: StartupFailure): void {
  console.error(`Incident Tray could not start while ${failure.step}: ${failure.message}`)
  // Shown again with more to say once the data folder's holder is provably gone.
  whenHolderGone(failure, (why) => showStartupFailure({ ...failure, holderGone: why }))
  const { show, openFolder } = failurePage(failure)
  showFailure = show
  try {
    tray ??= new AppTray(join(app.getAppPath(), 'assets'), {
      record: show,
      quickNote: show,
      openIncident: show,
      open: show,
      settings: show,
      quit: () => app.quit(),
    })
    tray.failed(failure.message, { show, openFolder, quit: () => app.quit() })
  } catch (err) {
    console.error('The tray could not show the failure either:', err)
  }
  show()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => (showFailure ? showFailure() : showWindow()))
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', () => {
    globalShortcut.unregisterAll()
    closeHost()
    tray?.destroy()
  })
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined)
  app.on('activate', () => showWindow())
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => showStartupFailure(describeFailure(step, err, dataDir)))
}
