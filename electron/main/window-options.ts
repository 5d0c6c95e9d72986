import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The scratchpad window. Electron's secure defaults, stated so a test can hold them: the renderer
 * gets no Node, runs sandboxed and isolated, and sees only window.api.
 */
export function scratchpadWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    // The compact workspace docks at about 420 px wide beside the tools.
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
/**
 * A small box above everything, without frame or taskbar entry, that closes when it loses focus.
 * On Wayland (`findable`) an app can neither focus a window without user input nor keep it on
 * top (browser-window docs): the box may open behind other windows without the focus, so it
 * keeps a frame and a taskbar entry there, to be found and closed like any window.
 */
export function quickNoteWindowOptions(
  preloadPath: string,
  findable = false,
): BrowserWindowConstructorOptions {
  const base = scratchpadWindowOptions(preloadPath)
  if (findable)
    return { ...base, width: 520, height: 190, minWidth: 360, minHeight: 150, title: 'Quick note' }
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
