/**
 * launchBuiltApp(): the BUILT app (out/main/index.js, out/preload/index.cjs, out/renderer) in a
 * child Node process, `electron` resolved to the stand-in, windows shown as Chromium pages here.
 * Nothing of the host is composed by the test: what runs is what `npm start` would run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { build } from 'esbuild'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser'
import { Display } from './display'
import type { StandinPlatform } from './platform'
import type { Message, StandinState } from './protocol'

const ROOT = resolve(import.meta.dirname, '../..')
const CACHE = join(ROOT, 'e2e/.cache/electron-standin')
export const SCREENSHOT_DIR = join(ROOT, 'e2e/screenshots')
/** Where the child's V8 coverage and the preload's page coverage go (coverage-report.ts reads it). */
export const COVERAGE_DIR = join(ROOT, 'e2e/.cache/app-coverage')
export const DEFAULT_NOW = new Date('2026-11-23T14:00:00Z')

let bundles: Promise<{ standin: string; sandbox: string }> | undefined
/** The stand-in (for Node) and the page sandbox (for Chromium), bundled from their TypeScript. */
function bundle(): Promise<{ standin: string; sandbox: string }> {
  bundles ??= (async () => {
    mkdirSync(CACHE, { recursive: true })
    const standin = join(CACHE, 'electron.mjs')
    await build({
      entryPoints: [join(ROOT, 'e2e/electron-standin/index.ts')],
      outfile: standin,
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      logLevel: 'error',
    })
    const page = await build({
      entryPoints: [join(ROOT, 'e2e/electron-standin/page/sandbox.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'error',
    })
    return { standin, sandbox: page.outputFiles[0]?.text ?? '' }
  })()
  return bundles
}

let sharedBrowser: Promise<Browser> | undefined
function browser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({
    executablePath: CHROMIUM_PATH,
    // No --allow-file-access-from-files: the app's pages come from app://, and with the
    // GrantFileProtocolExtraPrivileges fuse off Electron gives file: pages no extra rights either.
    args: CHROMIUM_ARGS,
  })
  return sharedBrowser
}

export interface LaunchBuiltAppOptions {
  /**
   * The desktop the stand-in plays (platform.ts): `linux-x11` (the default), `linux-wayland`,
   * `darwin` or `win32`. `process.platform` in the app follows it.
   */
  platform?: StandinPlatform
  /** macOS: started by its login item (getLoginItemSettings().wasOpenedAtLogin). */
  openedAtLogin?: boolean
  /** macOS: an unsigned build, whose notifications emit `failed`. */
  unsigned?: boolean
  /** macOS Screen Recording permission at start ('not-determined' by default on macOS). */
  screenAccess?: 'not-determined' | 'granted' | 'denied'
  /**
   * Linux: whether a tray host (StatusNotifierItem watcher) runs; true by default. Without one,
   * as on vanilla GNOME, the tray icon is never shown (platform.ts, trayShown).
   */
  trayHost?: boolean
  /** Linux: the `.desktop` files installed in the user's data folder (XDG_DATA_HOME/applications). */
  installedDesktopFiles?: string[]
  /** The userData folder; a new one under a temp config home when not given. */
  dataDir?: string
  now?: Date
  args?: string[]
  /** Accelerators other apps hold: registering them fails, as globalShortcut documents. */
  takenShortcuts?: string[]
  /** app.isPackaged: true as an installed app, false (the default) as `npm start`. */
  packaged?: boolean
  /** More environment for the app's process (ELECTRON_RENDERER_URL, say). */
  env?: Record<string, string>
  /** The displays `screen` reports, the first primary (one 1920×1080 display by default). */
  displays?: { id: number; bounds: { x: number; y: number; width: number; height: number } }[]
}

export interface Exit {
  code: number
  stdout: string
  stderr: string
}

/** One process of the built app, talking to its display over the IPC channel. */
class AppProcess {
  readonly child: ChildProcess
  readonly display: Display
  readonly exited: Promise<number>
  stdout = ''
  stderr = ''
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >()

  constructor(env: NodeJS.ProcessEnv, args: string[], context: BrowserContext, sandbox: string) {
    this.child = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(ROOT, 'e2e/electron-standin/register.mjs')).href,
        // notifications.click collects garbage first, as time would (desktop.ts).
        '--expose-gc',
        join(ROOT, 'out/main/index.js'),
        ...args,
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' },
    )
    this.child.stdout?.on('data', (d) => (this.stdout += String(d)))
    this.child.stderr?.on('data', (d) => (this.stderr += String(d)))
    this.display = new Display(context, (m, ...a) => this.ask(m, ...a), sandbox, COVERAGE_DIR)
    this.exited = new Promise((resolveExit) =>
      this.child.on('exit', (code, signal) => {
        for (const waiter of this.pending.values()) waiter.reject(new Error('the app exited'))
        this.pending.clear()
        resolveExit(code ?? (signal ? 128 : 1))
      }),
    )
    this.child.on('message', (raw) => void this.receive(raw as Message))
  }

  ask(method: string, ...args: unknown[]): Promise<unknown> {
    if (!this.child.connected) return Promise.reject(new Error(`the app is gone (${method})`))
    const id = this.nextId++
    return new Promise((resolveAnswer, reject) => {
      this.pending.set(id, { resolve: resolveAnswer, reject })
      this.child.send({ type: 'request', id, method, args } satisfies Message)
    })
  }

  private async receive(message: Message): Promise<void> {
    if (message.type === 'event') this.display.handle(message.event)
    else if (message.type === 'response') {
      const waiter = this.pending.get(message.id)
      this.pending.delete(message.id)
      if (message.ok) waiter?.resolve(message.value)
      else waiter?.reject(new Error(message.error))
    } else if (message.type === 'request') {
      // The only thing the app's process asks of the display: a window's pixels.
      try {
        const value = await this.display.capture(message.args[0] as number)
        if (this.child.connected)
          this.child.send({ type: 'response', id: message.id, ok: true, value } satisfies Message)
      } catch (err) {
        if (this.child.connected)
          this.child.send({
            type: 'response',
            id: message.id,
            ok: false,
            error: String(err),
          } satisfies Message)
      }
    }
  }
}

export interface AppWindow {
  id: number
  title: string
  visible: boolean
  url: string
  page: Page
}

export interface BuiltApp {
  /** The userData folder the app uses. */
  readonly dataDir: string
  /** Every open window of the app, with its page. */
  windows(): Promise<AppWindow[]>
  /** The first visible window whose URL has this hash ('' for the main window); waits for it. */
  window(hash?: string): Promise<Page>
  state(): Promise<StandinState>
  /** click: the user opens the menu and picks an item; activate: a primary click on the icon. */
  tray: {
    click(label: string): Promise<void>
    activate(): Promise<void>
    openMenu(): Promise<void>
  }
  notifications: {
    click(index: number): Promise<void>
    /** Windows: a toast kept in Action Center from an earlier run is clicked. */
    clickStored(): Promise<void>
  }
  shortcuts: { press(accelerator: string): Promise<void> }
  powerMonitor: {
    emit(
      name: 'resume' | 'suspend' | 'unlock-screen' | 'lock-screen' | 'on-ac' | 'on-battery',
    ): Promise<void>
  }
  /** Queues the next dialog's answer (a message box's: the index of the button pressed). */
  dialog: {
    answer(answer: { filePaths?: string[]; filePath?: string; response?: number }): Promise<void>
  }
  /** What the session's permission handlers answer a page of window `windowId` asking this. */
  permissions: {
    request(windowId: number, permission: string, origin: string): Promise<boolean>
    check(windowId: number, permission: string, origin: string): Promise<boolean>
  }
  clock: {
    set(date: Date): Promise<void>
    advance(ms: number): Promise<void>
    /** Asleep for `ms`: the date moves, no timer fires (then emit `resume`). */
    sleep(ms: number): Promise<void>
  }
  /** What the window's close button does: BrowserWindow.close(), with its `close` event. */
  closeWindow(page: Page): Promise<void>
  /** The user drags or resizes the window: BrowserWindow.setBounds, with `move` and `resize`. */
  setWindowBounds(
    page: Page,
    bounds: { x: number; y: number; width: number; height: number },
  ): Promise<void>
  /** Windows ends the session (log off): windows hear session-end, then the process is killed. */
  endSession(): Promise<number>
  /** Starts the app again on the same profile, as a user double-clicking it would. */
  secondLaunch(args?: string[]): Promise<Exit>
  /** Quits through app.quit() and resolves with the exit code. */
  quit(): Promise<number>
  readonly exited: Promise<number>
  output(): { stdout: string; stderr: string; pages: string[] }
  screenshot(page: Page, name: string): Promise<void>
  /** Quits if still running, closes the pages, removes a folder it made. */
  close(): Promise<void>
}

/**
 * The GNOME session a Linux app runs in, and the one question it asks its session bus: whether a
 * StatusNotifierItem watcher (a tray host) owns its name. Answered by a `dbus-send` first on the
 * PATH, in dbus-send's own reply format; Electron's Tray follows the same answer (trayShown).
 */
function linuxSessionBus(env: NodeJS.ProcessEnv, home: string, trayHost: boolean): void {
  env.XDG_CURRENT_DESKTOP = 'GNOME'
  env.STANDIN_TRAY_HOST = trayHost ? '1' : '0'
  const bin = join(home, 'bin')
  mkdirSync(bin, { recursive: true })
  const script = [
    '#!/bin/sh',
    'case "$*" in',
    '  *NameHasOwner*org.kde.StatusNotifierWatcher*)',
    '    echo "method return time=0 sender=org.freedesktop.DBus -> destination=:1.42 serial=3 reply_serial=2"',
    `    echo "   boolean ${trayHost}" ;;`,
    '  *) echo "Error org.freedesktop.DBus.Error.ServiceUnknown" >&2; exit 1 ;;',
    'esac',
  ]
  writeFileSync(join(bin, 'dbus-send'), script.join('\n') + '\n', { mode: 0o755 })
  env.PATH = `${bin}:${env.PATH ?? ''}`
}

/** electron-builder's appId: the AppUserModelID the Windows installer gives its shortcut. */
function builderAppId(): string {
  const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
  return /^appId:\s*(\S+)/m.exec(yml)?.[1] ?? ''
}

export async function launchBuiltApp(options: LaunchBuiltAppOptions = {}): Promise<BuiltApp> {
  const { standin, sandbox } = await bundle()
  const platform = options.platform ?? 'linux-x11'
  const ownHome = mkdtempSync(join(tmpdir(), 'incident-tray-app-'))
  // Where userData is on the OS played (platform.ts, appDataDir): Linux's is under
  // $XDG_CONFIG_HOME, Windows' under %APPDATA%, macOS's under the home folder.
  let appData =
    platform === 'darwin'
      ? join(ownHome, 'Library', 'Application Support')
      : platform === 'win32'
        ? join(ownHome, 'AppData', 'Roaming')
        : join(ownHome, 'config')
  let dataDir = join(appData, 'Incident Tray')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: ownHome,
    STANDIN_MODULE: pathToFileURL(standin).href,
    STANDIN_PLATFORM: platform,
    STANDIN_NOW: String((options.now ?? DEFAULT_NOW).getTime()),
    STANDIN_TAKEN_SHORTCUTS: (options.takenShortcuts ?? []).join(','),
    STANDIN_SHORTCUT_AUMID: builderAppId(),
    XDG_DATA_HOME: join(ownHome, 'local', 'share'),
    // Nothing installed system-wide counts: only what the test installs for this user.
    XDG_DATA_DIRS: join(ownHome, 'no-system-data'),
    ...(options.displays ? { STANDIN_DISPLAYS: JSON.stringify(options.displays) } : {}),
  }
  delete env.INCIDENT_TRAY_DATA_DIR
  delete env.ELECTRON_RENDERER_URL
  delete env.NODE_OPTIONS
  delete env.WAYLAND_DISPLAY
  delete env.DISPLAY
  // The session a Linux app reads its display server from.
  if (platform === 'linux-wayland') {
    env.XDG_SESSION_TYPE = 'wayland'
    env.WAYLAND_DISPLAY = 'wayland-0'
  } else if (platform === 'linux-x11') {
    env.XDG_SESSION_TYPE = 'x11'
    env.DISPLAY = ':0'
  } else delete env.XDG_SESSION_TYPE
  if (platform.startsWith('linux')) linuxSessionBus(env, ownHome, options.trayHost ?? true)
  else delete env.XDG_CURRENT_DESKTOP
  if (options.packaged) env.STANDIN_PACKAGED = '1'
  if (options.openedAtLogin) env.STANDIN_OPENED_AT_LOGIN = '1'
  if (options.unsigned) env.STANDIN_UNSIGNED = '1'
  if (options.screenAccess) env.STANDIN_SCREEN_ACCESS = options.screenAccess
  Object.assign(env, options.env)
  if (options.dataDir) {
    // A profile in the OS's own layout is reached through its appData; any other folder
    // through INCIDENT_TRAY_DATA_DIR (macOS's appData is fixed under the home folder).
    if (basename(options.dataDir) === 'Incident Tray' && platform !== 'darwin')
      appData = dirname(options.dataDir)
    else env.INCIDENT_TRAY_DATA_DIR = options.dataDir
    dataDir = options.dataDir
  }
  if (platform === 'win32') env.APPDATA = appData
  else env.XDG_CONFIG_HOME = appData
  env.NODE_V8_COVERAGE = join(COVERAGE_DIR, 'main')
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true })
  for (const name of options.installedDesktopFiles ?? []) {
    const dir = join(ownHome, 'local', 'share', 'applications')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, name), '[Desktop Entry]\nType=Application\nName=Incident Tray\n')
  }

  const context = await (await browser()).newContext({ viewport: { width: 1100, height: 760 } })
  const main = new AppProcess(env, options.args ?? [], context, sandbox)
  let now = (options.now ?? DEFAULT_NOW).getTime()
  const ask = <T>(method: string, ...args: unknown[]) => main.ask(method, ...args) as Promise<T>
  const pages = () => Promise.all([...main.display.windows.values()].map((w) => w.page))

  const windows = async (): Promise<AppWindow[]> => {
    const out: AppWindow[] = []
    for (const w of main.display.windows.values()) {
      await w.idle()
      out.push({ id: w.id, title: w.title, visible: w.visible, url: w.url, page: await w.page })
    }
    return out
  }

  const app: BuiltApp = {
    dataDir,
    windows,
    window: async (hash = '') => {
      for (let i = 0; i < 400; i++) {
        const found = (await windows()).find(
          (w) => w.visible && w.url !== '' && new URL(w.url).hash === (hash ? `#${hash}` : ''),
        )
        if (found) return found.page
        await new Promise((r) => setTimeout(r, 25))
      }
      throw new Error(`no visible window at #${hash}; output:\n${main.stdout}${main.stderr}`)
    },
    state: () => ask<StandinState>('state'),
    tray: {
      click: async (label) => void (await ask('tray:click', label)),
      activate: async () => void (await ask('tray:activate')),
      openMenu: async () => void (await ask('tray:open-menu')),
    },
    notifications: {
      click: async (i) => void (await ask('notification:click', i)),
      clickStored: async () => void (await ask('notification:click-stored')),
    },
    shortcuts: { press: async (a) => void (await ask('shortcut:press', a)) },
    powerMonitor: { emit: async (name) => void (await ask('power:emit', name)) },
    dialog: { answer: async (a) => void (await ask('dialog:answer', a)) },
    permissions: {
      request: (w, permission, origin) => ask('permission:request', w, permission, origin),
      check: (w, permission, origin) => ask('permission:check', w, permission, origin),
    },
    clock: {
      set: async (date) => {
        const delta = date.getTime() - now
        now = await ask<number>('clock:set', date.getTime())
        for (const page of await pages())
          if (delta > 0) await page.clock.fastForward(delta)
          else await page.clock.setSystemTime(date)
      },
      advance: async (ms) => {
        now = await ask<number>('clock:advance', ms)
        for (const page of await pages()) await page.clock.fastForward(ms)
      },
      sleep: async (ms) => {
        now = await ask<number>('clock:sleep', ms)
        for (const page of await pages()) await page.clock.setSystemTime(now)
      },
    },
    closeWindow: async (page) => {
      const found = (await windows()).find((w) => w.page === page)
      if (!found) throw new Error('that page is not one of the app windows')
      await ask('window:close', found.id)
    },
    setWindowBounds: async (page, bounds) => {
      const found = (await windows()).find((w) => w.page === page)
      if (!found) throw new Error('that page is not one of the app windows')
      await ask('window:set-bounds', found.id, bounds)
      await found.page.waitForFunction(
        ([w, h]) => window.innerWidth === w && window.innerHeight === h,
        [bounds.width, bounds.height] as const,
      )
    },
    endSession: async () => {
      await ask('session:end').catch(() => undefined)
      return main.exited
    },
    secondLaunch: async (args = []) => {
      const second = new AppProcess(env, args, context, sandbox)
      const code = await second.exited
      await second.display.closeAll()
      return { code, stdout: second.stdout, stderr: second.stderr }
    },
    quit: async () => {
      await ask('app:quit').catch(() => undefined)
      return main.exited
    },
    exited: main.exited,
    output: () => ({ stdout: main.stdout, stderr: main.stderr, pages: main.display.log }),
    screenshot: async (page, name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      // After what the app sent its window so far: Chromium refuses a screenshot taken while a
      // resize (the saved bounds, applied at start) changes the viewport.
      for (const w of main.display.windows.values()) if ((await w.page) === page) await w.idle()
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
    },
    close: async () => {
      if (main.child.exitCode === null && main.child.signalCode === null) {
        await ask('app:quit').catch(() => undefined)
        const timer = setTimeout(() => main.child.kill('SIGKILL'), 5000)
        await main.exited
        clearTimeout(timer)
      }
      await main.display.closeAll()
      await context.close().catch(() => undefined)
      rmSync(ownHome, { recursive: true, force: true })
    },
  }
  return app
}
