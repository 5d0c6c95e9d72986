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
