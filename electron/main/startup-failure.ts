import type { App, BrowserWindowConstructorOptions } from 'electron'
import { DataFolderInUse, probeDataFolder } from '../store/data-lock'

/**
 * What the user sees when start-up fails: never a silent tray with nothing behind it.
 * The page is a data: URL with no preload; its two buttons are links main intercepts in
 * `will-navigate` (they never load), so the page needs no IPC at all.
 */
export const FAILURE_LINKS = {
  openFolder: 'https://incident-tray.invalid/open-data-folder',
  quit: 'https://incident-tray.invalid/quit',
  openAnyway: 'https://incident-tray.invalid/open-anyway',
} as const

export interface StartupFailure {
  /** What start-up was doing: "opening the incident logs". */
  step: string
  message: string
  dataDir: string
  /** The data folder is another Incident Tray's: when its lock goes stale if not touched. */
  inUse?: { freeAt: number | undefined }
  /**
   * Set only when the data folder's holder is provably gone (store/data-lock.ts): why, and the
   * page offers "Open anyway".
   */
  holderGone?: string
}

export function describeFailure(step: string, error: unknown, dataDir: string): StartupFailure {
  const message = error instanceof Error ? error.message : String(error)
  const inUse = error instanceof DataFolderInUse ? { inUse: { freeAt: error.freeAt } } : {}
  return { step, message, dataDir, ...inUse }
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

export function failurePageHtml(failure: StartupFailure): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Incident Tray could not start</title>
<style>
  :root { color-scheme: light dark; font: 15px/1.45 system-ui, sans-serif; }
  body { margin: 0; padding: 28px 32px; background: Canvas; color: CanvasText; }
  h1 { font-size: 19px; margin: 0 0 12px; }
  p { margin: 0 0 10px; }
  pre { white-space: pre-wrap; word-break: break-word; background: #8881; border-left: 3px solid #c0392b;
        padding: 10px 12px; margin: 0 0 16px; font-size: 13px; }
  code { font-size: 13px; }
  nav { display: flex; gap: 10px; margin-top: 20px; }
  a { padding: 7px 16px; border-radius: 6px; border: 1px solid #8886; color: inherit; text-decoration: none; }
  a.primary { background: #2d5fa8; border-color: #2d5fa8; color: white; }
</style></head><body>
<h1>Incident Tray could not start</h1>
<p>It failed while ${escape(failure.step)}:</p>
<pre>${escape(failure.message)}</pre>
<p>Your data folder is <code>${escape(failure.dataDir)}</code>. Nothing in it was changed.</p>${
    failure.holderGone === undefined
      ? ''
      : `\n<p>The Incident Tray that held it is gone now (${escape(failure.holderGone)}): it is safe to open.</p>`
  }
<nav>${failure.holderGone === undefined ? '' : `<a class="primary" href="${FAILURE_LINKS.openAnyway}">Open anyway</a>`}<a${failure.holderGone === undefined ? ' class="primary"' : ''} href="${FAILURE_LINKS.openFolder}">Open folder</a><a href="${FAILURE_LINKS.quit}">Quit</a></nav>
</body></html>`
}

/** A small window with Electron's secure defaults and no preload: the page needs no API. */
export function failureWindowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 560,
    height: 340,
    title: 'Incident Tray could not start',
    show: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  }
}

/**
 * The data folder is another Incident Tray's: looks again when its lock would go stale (each
 * minute for a lock of an older version, which never goes stale by age), until its holder is
 * provably gone; then says why, and the page offers "Open anyway" (a relaunch, which takes the
 * lock over). Never before: a live holder keeps its folder. Nothing to do for other failures.
 */
export function whenHolderGone(
  failure: StartupFailure,
  gone: (why: string) => void,
  clock = { now: () => Date.now(), later: (fn: () => void, ms: number) => void setTimeout(fn, ms) },
): void {
  if (!failure.inUse || failure.holderGone !== undefined) return
  const lookAt = (at: number | undefined) =>
    clock.later(look, at === undefined ? 60_000 : Math.max(1_000, at - clock.now() + 1_000))
  const look = () => {
    const probe = probeDataFolder(failure.dataDir, clock)
    if (probe.free) gone(probe.why)
    else lookAt(probe.error.freeAt)
  }
  lookAt(failure.inUse.freeAt)
}

/** "Open anyway": a new start, which takes the lock of a holder that is gone. */
export function relaunch(app: Pick<App, 'relaunch' | 'exit'>): void {
  app.relaunch()
  app.exit(0)
}
