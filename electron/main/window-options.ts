import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The scratchpad window. Electron's secure defaults, stated so a test can hold them: the renderer
 * gets no Node, runs sandboxed and isolated, and sees only window.api.
 */
export function scratchpadWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    // The compact workspace docks at about 420 px wide beside the tools (issue 19).
    minWidth: 400,
    minHeight: 480,
    show: false,
    title: 'Incident Tray',
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

/** Only https links leave the app, and only through the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

/** The app's own pages: the built renderer (file://) or the dev server electron-vite started. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const parsed = new URL(url)
    if (devServerUrl) return parsed.origin === new URL(devServerUrl).origin
    return parsed.protocol === 'file:' && parsed.pathname.endsWith('/renderer/index.html')
  } catch {
    return false
  }
}

/** The quick-note box: small, on top, same secure defaults as the scratchpad. */
export function quickNoteWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const base = scratchpadWindowOptions(preloadPath)
  return {
    ...base,
    width: 520,
    height: 150,
    minWidth: 360,
    minHeight: 120,
    title: 'Quick note',
    alwaysOnTop: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    frame: false,
  }
}
