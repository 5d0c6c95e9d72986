import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, powerMonitor, type BrowserWindow } from 'electron'
// CommonJS: its `autoUpdater` is a getter that builds the updater for this OS on first use.
import updaterLibrary, {
  type AppUpdater as LibraryUpdater,
  type UpdateInfo,
} from 'electron-updater'
import type { UpdatesOff, UpdateState } from '../domain/app-update/policy'
import type { AppUpdater } from '../services/ports'
import { releaseNotesText } from '../services/release-notes'
import { describeUpdateError, githubReleasePage } from './updater-text'
import { push } from './ipc'
import type { UiCommand } from '../shared/ipc-contract'

/** The first check waits until the window is up and the start-up's own work is done. */
export const FIRST_CHECK_MS = 30_000
/** Then every few hours: one timer, nothing else wakes the app while it is idle. */
export const CHECK_EVERY_MS = 4 * 60 * 60_000
/** A failed check or download is tried again later, quietly: 30 min, 1 h, 2 h, then 4 h. */
export const RETRY_MS = [30 * 60_000, 60 * 60_000, 2 * 60 * 60_000, CHECK_EVERY_MS]

/**
 * Why this copy does not update itself, or null when it does: only an installed app with the
 * update feed packaging writes (`app-update.yml` beside the app); deb and rpm installs are
 * updated by the package manager, never by the app (electron-builder marks them with
 * `resources/package-type`).
 */
export function whyUpdatesOff(): UpdatesOff | null {
  if (!app.isPackaged) return 'development'
  const resources = process.resourcesPath ?? ''
  const packageType = join(resources, 'package-type')
  if (process.platform === 'linux' && existsSync(packageType)) return 'package-manager'
  if (!existsSync(join(resources, 'app-update.yml'))) return 'not-configured'
  // Outside an AppImage (an unpacked folder), electron-updater has nothing to replace.
  if (process.platform === 'linux' && !process.env.APPIMAGE) return 'not-configured'
  return null
}

interface UpdaterHooks {
  /** Runs just before the app quits to install: the store's shutdown path (index.ts). */
  beforeInstall(): void
  log(message: string): void
}

/**
 * electron-updater behind the AppUpdater port. It downloads in the background (not on battery),
 * verifies the download against the release's sha512 (the library refuses a mismatch), and
 * installs only when the host says so: the host never asks while an incident is active.
 */
export class ElectronUpdater implements AppUpdater {
  private current: UpdateState
  private readonly listeners: (() => void)[] = []
  private automatic = false
  private failures = 0
  private installOnQuit = false
  private installing = false
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly lib: LibraryUpdater | undefined

  constructor(private readonly hooks: UpdaterHooks) {
    const off = whyUpdatesOff()
    this.current = off ? { kind: 'off', reason: off } : { kind: 'idle' }
    this.lib = off ? undefined : configured(hooks)
    if (this.lib) this.listen(this.lib)
    // After will-quit, where main closes the data folder (as electron-updater's own handler).
    app.on('quit', () => this.beforeQuit())
  }

  version = () => app.getVersion()
  state = () => this.current
  onChange(listener: () => void): void {
    this.listeners.push(listener)
  }

  check(): void {
    if (!this.lib || this.current.kind === 'ready' || this.current.kind === 'downloading') return
    // A rejection is also an `error` event (handled in listen): the promise only needs a catch.
    this.lib.checkForUpdates()?.catch(() => undefined)
  }

  setAutomatic(on: boolean): void {
    const first = !this.automatic && on
    this.automatic = on
    if (!on) clearTimeout(this.timer)
    else if (first && this.current.kind === 'idle') this.schedule(FIRST_CHECK_MS)
  }

  setInstallOnQuit(allowed: boolean): void {
    this.installOnQuit = allowed
    if (this.lib) this.lib.autoInstallOnAppQuit = allowed
  }

  install(): void {
    const lib = this.lib
    if (!lib || this.current.kind !== 'ready' || this.installing) return
    this.installing = true
    // After the answer to the window: the store's shutdown path first (everything
    // acknowledged is on disk and the data folder is unlocked for the new version).
    setImmediate(() => {
      this.hooks.beforeInstall()
      lib.quitAndInstall(true, true)
    })
  }

  /**
   * Quitting with a ready update and no incident active installs it (silently, no restart):
   * also when the download finished during an incident, when the library set no quit handler.
   */
  beforeQuit(): void {
    clearTimeout(this.timer)
    const lib = this.lib
    if (!lib || this.installing || !this.installOnQuit || this.current.kind !== 'ready') return
    this.installing = true
    if ('install' in lib && typeof lib.install === 'function') lib.install(true, false)
  }

  private set(next: UpdateState): void {
    if (JSON.stringify(next) === JSON.stringify(this.current)) return
    this.current = next
    for (const listener of this.listeners) listener()
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    this.timer = this.automatic ? setTimeout(() => this.check(), ms) : undefined
  }

  private download(version: string): void {
    this.set({ kind: 'downloading', version, percent: 0 })
    this.lib?.downloadUpdate().catch(() => undefined)
  }

  private listen(lib: LibraryUpdater): void {
    lib.on('checking-for-update', () => this.set({ kind: 'checking' }))
    lib.on('update-not-available', () => {
      this.failures = 0
      this.set({ kind: 'idle', checkedAt: Date.now() })
      this.schedule(CHECK_EVERY_MS)
    })
    lib.on('update-available', (info: UpdateInfo) => {
      if (powerMonitor.isOnBatteryPower()) this.set({ kind: 'on-battery', version: info.version })
      else this.download(info.version)
    })
    powerMonitor.on('on-ac', () => {
      if (this.current.kind === 'on-battery') this.download(this.current.version)
    })
    lib.on('download-progress', ({ percent }: { percent: number }) => {
      const now = this.current
      if (now.kind === 'downloading')
        this.set({ ...now, percent: Math.min(99, Math.floor(percent)) })
    })
    lib.on('update-downloaded', (info: UpdateInfo) => {
      this.failures = 0
      clearTimeout(this.timer)
      this.set({
        kind: 'ready',
        version: info.version,
        notes: releaseNotesText(info.releaseNotes),
        releaseUrl: githubReleasePage(process.resourcesPath ?? '', info.version),
      })
    })
    lib.on('error', (error: Error) => this.failed(error))
  }

  private failed(error: Error): void {
    if (this.installing) {
      // The data folder is already closed: start this version again rather than run on.
      this.hooks.log(`Installing the update failed: ${error.message}`)
      app.relaunch()
      app.exit(0)
      return
    }
    const retry = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!
    const version = 'version' in this.current ? this.current.version : undefined
    const message = describeUpdateError(error, version)
    const retryAt = this.automatic ? Date.now() + retry : undefined
    this.set({ kind: 'failed', message, ...(retryAt === undefined ? {} : { retryAt }) })
    this.hooks.log(`Update: ${error.message.split('\n')[0]}`)
    this.schedule(retry)
  }
}

function configured(hooks: UpdaterHooks): LibraryUpdater {
  const lib = updaterLibrary.autoUpdater
  // Downloads are started here, after the battery check; installs only when the host allows.
  lib.autoDownload = false
  lib.autoInstallOnAppQuit = false
  lib.logger = {
    info: () => undefined,
    warn: (message: unknown) => hooks.log(`Update: ${String(message)}`),
    error: () => undefined,
  }
  return lib
}

/**
 * The tray's update items. Check for updates shows its answer where it is kept (Settings → About
 * & updates). Restart to update: the window keeps what is typed (the retro draft) and then asks to
 * install; with no window loaded nothing is typed anywhere, so the host is asked at once.
 */
export function updateTrayActions(
  dispatch: (channel: 'appUpdate:check' | 'appUpdate:install') => void,
  show: (command: UiCommand) => void,
  window: () => BrowserWindow | undefined,
) {
  return {
    checkUpdates: () => {
      dispatch('appUpdate:check')
      show({ kind: 'settings', section: 'about' })
    },
    restartToUpdate: () => {
      const win = window()
      const target = win && !win.isDestroyed() ? win.webContents : undefined
      if (!target || target.isLoading()) dispatch('appUpdate:install')
      else push(target, 'ui:command', { kind: 'restart-to-update' })
    },
  }
}
