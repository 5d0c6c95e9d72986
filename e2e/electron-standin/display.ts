/**
 * The test process's side: it holds Chromium and shows each BrowserWindow of the built app as a
 * Playwright page, loaded from the URL the app gives (its app:// scheme, answered by its own
 * protocol handler, or data:), with the built preload run first.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page, Route } from '@playwright/test'
import type { WindowEvent } from './protocol'
import type { SchemeResponse } from './scheme'

/**
 * Chromium outside Electron cannot load a custom scheme, so a page of the app's privileged
 * scheme (app://incident-tray/…) is shown at a stand-in https address of its own
 * (https://incident-tray.app-scheme.standin/…: a secure context with a real origin, as a
 * standard, secure scheme gives), every request to it is answered by the app's protocol.handle
 * handler, and every URL the app sees (the sender frame's, will-navigate's, window.open's) is
 * translated back, so main judges the real app:// URL.
 */
const SCHEME_HOST = /^([a-z0-9.-]+)\.([a-z][a-z0-9+.-]*)-scheme\.standin$/

export function toPageUrl(url: string, schemes: string[]): string {
  const parsed = new URL(url)
  const scheme = parsed.protocol.slice(0, -1)
  if (!schemes.includes(scheme)) return url
  return `https://${parsed.host}.${scheme}-scheme.standin${parsed.pathname}${parsed.search}${parsed.hash}`
}

export function fromPageUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  const match = parsed.protocol === 'https:' ? SCHEME_HOST.exec(parsed.hostname) : null
  if (!match) return url
  return `${match[2]}://${match[1]}${parsed.pathname}${parsed.search}${parsed.hash}`
}

export interface WindowRecord {
  id: number
  title: string
  visible: boolean
  url: string
  page: Promise<Page>
  /** Resolves once every operation sent so far has run on the page. */
  idle(): Promise<void>
}

type Ask = (method: string, ...args: unknown[]) => Promise<unknown>

export class Display {
  readonly windows = new Map<number, WindowRecord>()
  /** The pages' console errors and uncaught exceptions, for a failing test's message. */
  readonly log: string[] = []
  private readonly chains = new Map<number, Promise<unknown>>()
  /** The page each window is loading through loadURL: Electron asks no will-navigate for it. */
  private readonly loading = new Map<number, string>()

  constructor(
    private readonly context: BrowserContext,
    /** Calls into the app's process. */
    private readonly ask: Ask,
    private readonly sandboxScript: string,
    private readonly coverageDir: string | undefined,
  ) {}

  /** Runs `op` after everything already queued for that window; errors are reported, not thrown. */
  private queue(id: number, op: () => Promise<unknown>): Promise<unknown> {
    const next = (this.chains.get(id) ?? Promise.resolve()).then(op).catch((err: unknown) => {
      // A page closed, or the app quit while the window was busy: nothing left to report to.
      if (!String(err).includes('closed') && !appGone(err)) {
        console.error(`[display] window ${id}:`, err)
      }
    })
    this.chains.set(id, next)
    return next
  }

  handle(event: WindowEvent): void {
    switch (event.kind) {
      case 'window:create': {
        const page = this.openPage(event)
        const record: WindowRecord = {
          id: event.id,
          title: event.title,
          visible: false,
          url: '',
          page,
          idle: () => this.queue(event.id, async () => undefined).then(() => undefined),
        }
        this.windows.set(event.id, record)
        this.queue(event.id, () => page)
        return
      }
      case 'window:load':
        this.queue(event.id, async () => {
          const record = this.windows.get(event.id)
          if (!record) return
          record.url = event.url
          const page = await record.page
          const schemes = (await this.ask('protocol:schemes')) as string[]
          const target = toPageUrl(event.url, schemes)
          this.loading.set(event.id, target.split('#')[0]!)
          await page.goto(target)
          await this.ask('window:loaded', event.id)
        })
        return
      case 'window:visible': {
        const record = this.windows.get(event.id)
        if (record) record.visible = event.visible
        return
      }
      case 'window:resize':
        this.queue(event.id, async () =>
          (await this.windows.get(event.id)?.page)?.setViewportSize({
            width: event.width,
            height: event.height,
          }),
        )
        return
      case 'window:focus':
        this.queue(event.id, async () => (await this.windows.get(event.id)?.page)?.bringToFront())
        return
      case 'window:send':
        this.queue(event.id, async () => {
          const page = await this.windows.get(event.id)?.page
          await page?.evaluate(
            ([channel, args]) =>
              (
                globalThis as unknown as { __standinDeliver(c: string, a: unknown[]): void }
              ).__standinDeliver(channel, args),
            [event.channel, event.args] as const,
          )
        })
        return
      case 'window:destroy':
        this.queue(event.id, async () => {
          const record = this.windows.get(event.id)
          this.windows.delete(event.id)
          if (record) await this.closePage(await record.page)
        })
        return
      case 'theme':
        for (const record of this.windows.values())
          this.queue(record.id, async () =>
            (await record.page).emulateMedia({ colorScheme: event.dark ? 'dark' : 'light' }),
          )
        return
    }
  }

  /** desktopCapturer's thumbnail: a real PNG of the window's page. */
  async capture(id: number): Promise<string> {
    const record = this.windows.get(id)
    if (!record) throw new Error(`no window ${id}`)
    await record.idle()
    return (await (await record.page).screenshot({ type: 'png' })).toString('base64')
  }

  async closeAll(): Promise<void> {
    for (const record of [...this.windows.values()]) {
      await record.idle()
      await this.closePage(await record.page)
    }
    this.windows.clear()
  }

  private async openPage(event: Extract<WindowEvent, { kind: 'window:create' }>): Promise<Page> {
    const page = await this.context.newPage()
    const id = event.id
    page.on('pageerror', (err) => this.log.push(`[window ${id}] ${err.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        this.log.push(`[window ${id}] ${m.type()}: ${m.text()}`)
    })
    await page.setViewportSize({ width: event.width, height: event.height })
    if (this.coverageDir)
      await page.coverage.startJSCoverage({
        resetOnNavigation: false,
        reportAnonymousScripts: true,
      })
    await page.clock.install({ time: event.now })
    // The frame's real URL goes with every call, so main's sender guard judges a real value.
    await page.exposeBinding(
      '__standinIpc',
      async ({ frame }, kind: 'invoke' | 'send', channel: string, args: unknown[]) =>
        this.ask(
          kind === 'invoke' ? 'ipc:invoke' : 'ipc:send',
          id,
          fromPageUrl(frame.url()),
          channel,
          args,
        ),
    )
    await page.exposeBinding('__standinWindow', async (_source, op: 'close' | 'open', url = '') =>
      op === 'close' ? this.ask('window:close', id) : this.ask('window:open', id, fromPageUrl(url)),
    )
    await page.addInitScript({ content: this.initScript(event.preload) })
    // will-navigate: a navigation the page starts is asked about first; refused ones stop here.
    // Then a request on the app's scheme is answered by the app's own handler.
    await page.route('**/*', (route) =>
      this.answer(id, page, route).catch(async (err: unknown) => {
        // The app quit while the page was still loading: in Electron its pages go with it.
        if (!appGone(err)) throw err
        await route.abort('failed').catch(() => undefined)
      }),
    )
    return page
  }

  /** A request from a window's page: will-navigate first, then the app's scheme handler. */
  private async answer(id: number, page: Page, route: Route): Promise<void> {
    const request = route.request()
    const url = fromPageUrl(request.url())
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      const byLoad = this.loading.get(id) === request.url()
      this.loading.delete(id)
      if (!byLoad && !(await this.ask('window:will-navigate', id, url))) {
        return route.abort('aborted')
      }
    }
    if (url === request.url()) return route.continue()
    const answer = (await this.ask('protocol:fetch', url, request.method())) as SchemeResponse
    if (answer.status === 0) return route.abort('failed')
    return route.fulfill({
      status: answer.status,
      headers: answer.headers,
      body: Buffer.from(answer.body, 'base64'),
    })
  }

  private initScript(preload: string | undefined): string {
    if (!preload) return this.sandboxScript
    const code = readFileSync(preload, 'utf8')
    return `${this.sandboxScript}\n;globalThis.__standinRunPreload(function (require, module, exports, process) {\n${code}\n});\n`
  }

  private async closePage(page: Page): Promise<void> {
    if (page.isClosed()) return
    if (this.coverageDir) {
      const entries = await page.coverage.stopJSCoverage().catch(() => [])
      const preload = entries.filter((e) => e.source?.includes('__standinRunPreload(function'))
      if (preload.length) {
        mkdirSync(this.coverageDir, { recursive: true })
        writeFileSync(
          join(this.coverageDir, `preload-${process.pid}-${Date.now()}-${Math.random()}.json`),
          JSON.stringify(preload),
        )
      }
    }
    await page.close().catch(() => undefined)
  }
}

/** The app's process has exited (or is exiting): asks to it can no longer be answered. */
function appGone(err: unknown): boolean {
  return /the app (exited|is gone)/.test(String(err))
}
