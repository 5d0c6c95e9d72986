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
}
// Linux locations (https://www.electronjs.org/docs/latest/api/app#appgetpathname):
// appData is $XDG_CONFIG_HOME or ~/.config, userData is appData/<productName>.
const appData = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
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
  setAppUserModelId(_id: string): void {}

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

  // https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem = { openAtLogin: Boolean(settings.openAtLogin), args: settings.args ?? [] }
  }
  getLoginItemSettings(): Electron.LoginItemSettings {
    return {
      ...this.loginItem,
      wasOpenedAtLogin: false,
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
  | 'setAppUserModelId'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
  | 'quit'
  | 'exit'
  | 'isPackaged'

export const app = new StandinApp() satisfies SameArgs<Pick<Electron.App, AppMembers>>
