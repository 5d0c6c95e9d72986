import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * What the user sees when start-up fails: never a silent tray with nothing behind it.
 * The page is a data: URL with no preload; its two buttons are links main intercepts in
 * `will-navigate` (they never load), so the page needs no IPC at all.
 */
export const FAILURE_LINKS = {
  openFolder: 'https://incident-tray.invalid/open-data-folder',
  quit: 'https://incident-tray.invalid/quit',
} as const

export interface StartupFailure {
  /** What start-up was doing: "opening the incident logs". */
  step: string
  message: string
  dataDir: string
}

export function describeFailure(step: string, error: unknown, dataDir: string): StartupFailure {
  const message = error instanceof Error ? error.message : String(error)
  return { step, message, dataDir }
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
<p>Your data folder is <code>${escape(failure.dataDir)}</code>. Nothing in it was changed.</p>
<nav><a class="primary" href="${FAILURE_LINKS.openFolder}">Open folder</a><a href="${FAILURE_LINKS.quit}">Quit</a></nav>
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
