import { app, BrowserWindow, shell } from 'electron'
import {
  FAILURE_LINKS,
  failurePageHtml,
  failureWindowOptions,
  relaunch,
  type StartupFailure,
} from './startup-failure'

let current: BrowserWindow | undefined

/**
 * The start-up failure's window: what failed and where, with Open data folder, Quit, and Open
 * anyway once the data folder's holder is provably gone. A failure shown again (with more to
 * say) replaces the page. `show` opens it or brings it forward.
 */
export function failurePage(failure: StartupFailure): { show(): void; openFolder(): void } {
  if (current && !current.isDestroyed()) current.destroy()
  const openFolder = () => void shell.openPath(failure.dataDir)
  const show = () => {
    if (current && !current.isDestroyed()) {
      current.show()
      current.focus()
      return
    }
    const win = new BrowserWindow(failureWindowOptions())
    current = win
    // The buttons are links that never load: main acts on them here.
    win.webContents.on('will-navigate', (event, url) => {
      event.preventDefault()
      if (url === FAILURE_LINKS.openFolder) openFolder()
      else if (url === FAILURE_LINKS.quit) app.quit()
      else if (url === FAILURE_LINKS.openAnyway && failure.holderGone) relaunch(app)
    })
    win.once('ready-to-show', () => win.show())
    void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(failurePageHtml(failure))}`)
  }
  return { show, openFolder }
}
