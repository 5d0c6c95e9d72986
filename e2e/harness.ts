import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, normalize, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { build } from 'vite'
import { Settings, type SettingsPatch } from '../electron/domain/settings/settings'
import type { TrayModel } from '../electron/domain/incident/tray-model'
import { ManualClock } from '../electron/services/clock'
import { createHost, type Host } from '../electron/services/host'
import type { NotificationRequest } from '../electron/services/ports'
import type { PushChannel } from '../electron/shared/ipc-channels'
import type { PushPayload, UiCommand } from '../electron/shared/ipc-contract'
import { FakeDesktop } from '../electron/testing/fake-desktop'
import { confSettings, recordingCapturer } from '../electron/testing/fixtures'
import { RecordingFileSaver } from '../electron/testing/file-saver'
import { ScriptedPicker } from '../electron/testing/scripted-picker'
import { FileSecretStore } from '../electron/testing/file-secrets'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser'

const ROOT = resolve(import.meta.dirname, '..')
const RENDERER_DIR = join(ROOT, 'out', 'renderer')
const APP_ORIGIN = 'http://app.test'
export const SCREENSHOT_DIR = join(ROOT, 'e2e', 'screenshots')
/** A fixed, ordinary Monday afternoon, so every run sees the same times. */
export const DEFAULT_NOW = new Date('2026-11-23T14:00:00Z')

export interface RecordedNotification extends NotificationRequest {
  at: string
}

export interface LaunchOptions {
  dataDir?: string
  now?: Date
  settings?: SettingsPatch
  /** Shortcuts another app holds: registering them is refused, as the OS would. */
  takenShortcuts?: string[]
  /** Show the first-run setup; otherwise a new data folder starts with it skipped. */
  firstRun?: boolean
  /** Reuse a browser (the Playwright fixture passes its own). */
  browser?: Browser
  /** The system's name for the user (full name, else login); by default this machine's. */
  userName?: string
  /** The browser's locale ('en-US' shows a locale picker as mm/dd/yyyy and 09:00 AM). */
  locale?: string
}

export interface App {
  readonly page: Page
  readonly host: Host
  readonly dataDir: string
  clock: {
    now(): Date
    set(date: Date): Promise<void>
    advance(ms: number): Promise<void>
    /** The machine sleeps through `ms` (a night, say): due timers fire once, at wake-up. */
    sleep(ms: number): Promise<void>
  }
  notifications: RecordedNotification[]
  clipboard: { text(): string | undefined; html(): string | undefined }
  /** What the host asked of globalShortcut, the file manager and the login items. */
  desktop: FakeDesktop
  /** Files "saved" through the export dialog (written under the data dir's exports/). */
  files: RecordingFileSaver
  /** The open-file and folder dialogs: `picker.answer(path)` is what the next one chooses. */
  picker: ScriptedPicker
  /** Every tray model the host produced, newest last. */
  trayModels: TrayModel[]
  /** Screen and window ids the capturer was asked for (it returns a real PNG). */
  captured: string[]
  /** A second window on the same host, at a hash (the quick-note box is '#quick-note'). */
  openPage(hash: string, size?: { width: number; height: number }): Promise<Page>
  /** What main does for the tray menu, a notification click or a global shortcut. */
  command(command: UiCommand): Promise<void>
  screenshot(name: string): Promise<void>
  restart(): Promise<void>
  close(): Promise<void>
}

/** What the bundled preload stand-in puts on the page. */
interface PageGlobals {
  __hostPush(channel: string, payload: unknown): void
}

let apiBundle: Promise<string> | undefined
/** The preload's own factory, bundled for the page (a page cannot import our TypeScript). */
function apiScript(): Promise<string> {
  apiBundle ??= build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(ROOT, 'electron/preload/browser-entry.ts'),
        formats: ['iife'],
        name: 'IncidentTrayPreload',
      },
    },
  }).then((out) => {
    const first = Array.isArray(out) ? out[0] : out
    if (!first || !('output' in first) || !first.output[0]) throw new Error('preload bundle failed')
    return first.output[0].code
  })
  return apiBundle
}

let sharedBrowser: Promise<Browser> | undefined
function defaultBrowser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  return sharedBrowser
}

/** settings.json through conf, the engine under electron-store, exactly as the app stores it. */
const openSettings = confSettings

/**
 * The real host (services and store over `dataDir`) with recording adapters, and the built
 * renderer in Chromium with window.api bound to the host through the preload's factory.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<App> {
  const ownDir = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'incident-tray-'))
  mkdirSync(dataDir, { recursive: true })
  const clock = new ManualClock(options.now ?? DEFAULT_NOW)
  const notifications: RecordedNotification[] = []
  const trayModels: TrayModel[] = []
  const files = new RecordingFileSaver(dataDir)
  const picker = new ScriptedPicker()
  let clip: { text: string; html?: string } | undefined
  const browser = options.browser ?? (await defaultBrowser())
  const script = await apiScript()

  const desktop = new FakeDesktop(options.takenShortcuts)
  {
    const backend = openSettings(dataDir)()
    const current = Settings.parse(backend.store)
    // Most specs are not about the first-run setup: a new folder starts with it skipped.
    const firstRun =
      !options.firstRun && !('firstRun' in backend.store) ? { skipped: true } : current.firstRun
    backend.store = Settings.parse({
      ...current,
      ...options.settings,
      you: {
        ...current.you,
        ...options.settings?.you,
        workingHours: { ...current.you.workingHours, ...options.settings?.you?.workingHours },
      },
      shortcuts: { ...current.shortcuts, ...options.settings?.shortcuts },
      firstRun: { ...firstRun, ...options.settings?.firstRun },
    })
  }

  let host!: Host
  let context!: BrowserContext
  let page!: Page
  let extraPages: Page[] = []
  let unsubscribe = () => {}
  const capturer = recordingCapturer()

  const pushTo = async <C extends PushChannel>(
    target: Page,
    channel: C,
    payload: PushPayload<C>,
  ) => {
    if (target.isClosed()) return
    await target
      .evaluate(([c, p]) => (globalThis as unknown as PageGlobals).__hostPush(c, p), [
        channel,
        payload,
      ] as const)
      .catch(() => undefined)
  }
  const push = <C extends PushChannel>(channel: C, payload: PushPayload<C>) =>
    pushTo(page, channel, payload)

  /** Every page gets the same clock, window.api binding and app files: like a BrowserWindow. */
  const preparePage = async (target: Page, hash = '') => {
    await target.clock.install({ time: clock.now() })
    // Results cross as one JSON string: Playwright's per-value serialization of a 10,000-entry
    // incident takes seconds, far from Electron's structured clone.
    await target.exposeBinding('__hostInvoke', async (_source, channel: string, payload: unknown) =>
      JSON.stringify(await host.dispatch(channel, payload)),
    )
    await target.addInitScript({ content: script })
    await target.route(`${APP_ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname
      const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path))
      if (!file.startsWith(RENDERER_DIR)) return route.fulfill({ status: 404 })
      return route.fulfill({ path: file })
    })
    await target.goto(`${APP_ORIGIN}/${hash}`)
  }

  const compose = async () => {
    host = createHost({
      dataDir,
      ports: {
        clock,
        notifier: {
          show: (n) => notifications.push({ ...n, at: new Date(clock.now()).toISOString() }),
        },
        clipboard: { write: (content) => (clip = content) },
        shortcuts: desktop,
        desktop,
        files,
        filePicker: picker,
        folderPicker: picker,
        capturer,
        secrets: new FileSecretStore(join(dataDir, 'secrets.json')),
      },
      openSettings: openSettings(dataDir),
      onTray: (model) => trayModels.push(model),
      log: (err) => console.error('[host]', err),
      ...(options.userName === undefined ? {} : { userName: () => options.userName! }),
    })
    context = await browser.newContext({
      viewport: { width: 1100, height: 760 },
      ...(options.locale ? { locale: options.locale } : {}),
    })
    page = await context.newPage()
    extraPages = []
    unsubscribe = host.onPush((change) => {
      for (const target of [page, ...extraPages])
        void pushTo(target, change.channel, change.payload)
    })
    await preparePage(page)
    await page.locator('.app, .loading').first().waitFor()
  }

  const teardown = async () => {
    unsubscribe()
    await context.close().catch(() => undefined)
    host.close()
  }

  await compose()

  return {
    get page() {
      return page
    },
    get host() {
      return host
    },
    dataDir,
    clock: {
      now: () => new Date(clock.now()),
      set: async (date) => {
        const delta = date.getTime() - clock.now()
        clock.set(date)
        if (delta > 0) await page.clock.fastForward(delta)
        else await page.clock.setSystemTime(date)
      },
      advance: async (ms) => {
        clock.advance(ms)
        await page.clock.fastForward(ms)
      },
      sleep: async (ms) => {
        clock.sleep(ms)
        await page.clock.fastForward(ms)
        // What main does on resume (powerMonitor): deadlines are re-evaluated once.
        host.wake()
      },
    },
    notifications,
    clipboard: { text: () => clip?.text, html: () => clip?.html },
    trayModels,
    desktop,
    files,
    picker,
    captured: capturer.captured,
    openPage: async (hash, size = { width: 520, height: 150 }) => {
      const extra = await context.newPage()
      await extra.setViewportSize(size)
      // In Electron window.close() closes the BrowserWindow; Chromium ignores it for a page a
      // script did not open, so route it to Playwright.
      await extra.exposeBinding('__closeWindow', ({ page: source }) => void source.close())
      await extra.addInitScript(() => {
        window.close = () =>
          void (window as unknown as { __closeWindow(): Promise<void> }).__closeWindow()
      })
      extraPages.push(extra)
      await preparePage(extra, hash)
      return extra
    },
    command: (command) => push('ui:command', command),
    screenshot: async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
    },
    restart: async () => {
      await teardown()
      await compose()
    },
    close: async () => {
      await teardown()
      if (ownDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
