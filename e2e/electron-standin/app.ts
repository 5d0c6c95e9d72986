/**
 * `app`: ready, paths, the single-instance lock and the quit sequence, as Electron documents them
 * (https://www.electronjs.org/docs/latest/api/app).
 */
import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type * as Electron from 'electron'
import { realClearInterval, realSetInterval } from './clock'
import { appDataDir, isMac, isWindows } from './platform'
import type { SameArgs } from './types'

/** The folder of the package.json that names the entry script, as Electron finds the app. */
function findAppPath(): string {
  let dir = dirname(process.argv[1] ?? process.cwd())
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

const appPath = findAppPath()
const pkg = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as {
  name: string
  productName?: string
  version: string
  desktopName?: string
}
// https://www.electronjs.org/docs/latest/api/app#appgetpathname: userData is
// appData/<productName>, appData the OS's own folder (platform.ts).
const appData = appDataDir()
const paths: Record<string, string> = {
  home: homedir(),
  appData,
  userData: join(appData, pkg.productName ?? pkg.name),
  temp: tmpdir(),
  documents: join(homedir(), 'Documents'),
  downloads: join(homedir(), 'Downloads'),
  exe: process.execPath,
}

type QuitEvent = { preventDefault(): void; defaultPrevented: boolean }
function cancellable(): QuitEvent {
  const event = {
    defaultPrevented: false,
    preventDefault: () => void (event.defaultPrevented = true),
  }
  return event
}

/** Closes windows during quit; set by the window module (it would be a cycle otherwise). */
export const quitHooks = { closeAllWindows: (): boolean => true }

export class StandinApp extends EventEmitter {
  // https://www.electronjs.org/docs/latest/api/app#appispackaged-readonly
  readonly isPackaged = process.env.STANDIN_PACKAGED === '1'
  private ready = false
  private readonly readyPromise: Promise<void>
  private lock: Server | undefined
  private quitting = false
  private loginItem = { openAtLogin: false, args: [] as string[] }
  /** The id setAppUserModelId was given (Windows); notifications compare it to the shortcut's. */
  appUserModelId: string | undefined
  // Electron's main loop keeps the process alive until quit; Node needs a handle for it.
  private readonly keepAlive = realSetInterval(() => undefined, 1 << 30)

  constructor() {
    super()
    this.readyPromise = new Promise((resolve) =>
      setImmediate(() => {
        this.ready = true
        this.emit('ready', {}, {})
        resolve()
      }),
    )
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }
  isReady(): boolean {
    return this.ready
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const path = paths[name]
    if (!path) throw new Error(`Failed to get '${name}' path`)
    return path
  }
  setPath(name: Parameters<Electron.App['setPath']>[0], path: string): void {
    paths[name] = path
  }
  getAppPath(): string {
    return appPath
  }
  getName(): string {
    return pkg.productName ?? pkg.name
  }
  getVersion(): string {
    return pkg.version
  }
  /** Whether the app asked to start again once this one exits (`relaunch`). */
  relaunched = false
  /**
   * Linux: the `.desktop` name Electron takes from package.json's `desktopName`
   * (https://www.electronjs.org/docs/latest/api/app#appsetdesktopnamename-linux).
   */
  desktopName(): string | undefined {
    return pkg.desktopName
  }

  /**
   * One process per profile: the first holds a socket in userData; a later one reaches it, hands
   * over its argv and gets false; the first emits `second-instance`
   * (https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata).
   * Synchronous in Electron, so the answer comes from a lock file checked with a quick probe.
   */
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const dir = this.getPath('userData')
    mkdirSync(dir, { recursive: true })
    const socket = join(dir, 'SingletonSocket')
    const lockFile = join(dir, 'SingletonLock')
    const holder = existsSync(lockFile) ? Number(readFileSync(lockFile, 'utf8')) : 0
    if (holder && holder !== process.pid && isAlive(holder)) {
      const client = createConnection(socket, () => {
        client.end(JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData }))
      })
      client.on('error', () => undefined)
      return false
    }
    rmSync(socket, { force: true })
    this.lock = createServer((conn) => {
      let text = ''
      conn.on('data', (chunk) => (text += String(chunk)))
      conn.on('end', () => {
        const {
          argv,
          cwd,
          additionalData: data,
        } = JSON.parse(text) as {
          argv: string[]
          cwd: string
          additionalData: unknown
        }
        this.emit('second-instance', cancellable(), argv, cwd, data)
      })
    })
    this.lock.listen(socket)
    this.lock.unref()
    writeLock(lockFile)
    return true
  }
  hasSingleInstanceLock(): boolean {
    return Boolean(this.lock)
  }

  // https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows:
  // `args` is Windows only; macOS starts the app with no arguments and says so through
  // `wasOpenedAtLogin` instead.
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem = {
      openAtLogin: Boolean(settings.openAtLogin),
      args: isWindows ? (settings.args ?? []) : [],
    }
  }
  getLoginItemSettings(): Electron.LoginItemSettings {
    return {
      ...this.loginItem,
      // "wasOpenedAtLogin boolean macOS": the test starts the app as the login item would.
      wasOpenedAtLogin: isMac && process.env.STANDIN_OPENED_AT_LOGIN === '1',
      status: this.loginItem.openAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: this.loginItem.openAtLogin,
      launchItems: [],
    } as unknown as Electron.LoginItemSettings
  }
  loginItemState(): { openAtLogin: boolean; args: string[] } {
    return { ...this.loginItem }
  }

  /**
   * before-quit, then every window's (cancellable) close, then will-quit, then quit and exit 0
   * (https://www.electronjs.org/docs/latest/api/app#appquit).
   */
  quit(): void {
    if (this.quitting) return
    this.quitting = true
    setImmediate(() => {
      const before = cancellable()
      this.emit('before-quit', before)
      if (before.defaultPrevented || !quitHooks.closeAllWindows()) {
        this.quitting = false
        return
      }
      const will = cancellable()
      this.emit('will-quit', will)
      if (will.defaultPrevented) {
        this.quitting = false
        return
      }
      this.emit('quit', cancellable(), 0)
      this.exit(0)
    })
  }

  /**
   * A new start once this one exits (https://www.electronjs.org/docs/latest/api/app#apprelaunchoptions):
   * said on stderr, for the test to see; the test starts the next one itself.
   */
  relaunch(_options?: Electron.RelaunchOptions): void {
    this.relaunched = true
    process.stderr.write('stand-in: relaunch requested\n')
  }

  /** Exits at once, without the quit events (https://www.electronjs.org/docs/latest/api/app#appexitexitcode). */
  exit(exitCode = 0): void {
    realClearInterval(this.keepAlive)
    this.lock?.close()
    process.exitCode = exitCode
    // Let the last IPC messages and stdout drain; exit() writes the V8 coverage too.
    setImmediate(() => process.exit(exitCode))
  }

  isQuitting(): boolean {
    return this.quitting
  }

  /**
   * Windows ends the session (log off, shut down): every window hears `query-session-end`, then
   * `session-end`, and the process is killed right after, with no before-quit or will-quit
   * (https://www.electronjs.org/docs/latest/api/app#event-will-quit: "not emitted if the app is
   * closed due to a shutdown/restart of the system or a user logout";
   * shell/browser/native_window_views_win.cc, WM_ENDSESSION). A window that does not exist hears
   * nothing.
   */
  endSession(windows: EventEmitter[]): void {
    if (!isWindows) throw new Error('the session-end events are Windows only')
    const reasons = ['logoff']
    for (const w of windows) w.emit('query-session-end', { reasons, preventDefault() {} })
    for (const w of windows) w.emit('session-end', { reasons, preventDefault() {} })
    realClearInterval(this.keepAlive)
    process.exitCode = 0
    setImmediate(() => process.exit(0))
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function writeLock(file: string): void {
  // Written synchronously: a second process started right after must see it.
  writeFileSync(file, String(process.pid))
}

type AppMembers =
  | 'whenReady'
  | 'isReady'
  | 'getPath'
  | 'setPath'
  | 'getAppPath'
  | 'getName'
  | 'getVersion'
  | 'relaunch'
  | 'setAppUserModelId'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
  | 'quit'
  | 'exit'
  | 'isPackaged'

const standinApp = new StandinApp()
/**
 * Members Electron binds on one OS only are absent elsewhere, so calling them there throws as it
 * would: setAppUserModelId is inside `#if BUILDFLAG(IS_WIN)` (shell/browser/api/electron_api_app.cc).
 */
const windowsOnly = {
  setAppUserModelId(id: string): void {
    standinApp.appUserModelId = id
  },
} satisfies SameArgs<Pick<Electron.App, 'setAppUserModelId'>>
if (isWindows) Object.assign(standinApp, windowsOnly)

export const app = standinApp as StandinApp & Partial<typeof windowsOnly>
app satisfies SameArgs<Pick<Electron.App, Exclude<AppMembers, 'setAppUserModelId'>>>
