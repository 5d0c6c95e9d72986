import { app, BrowserWindow, dialog } from 'electron'
import type { Guards } from './guards'

/** http links are stored and shown, but open only after the user says yes to this. */
export async function confirmPlainHttp(url: string): Promise<boolean> {
  const options: Electron.MessageBoxOptions = {
    type: 'warning',
    title: 'Open an unencrypted link?',
    message: `Open ${url} in your browser?`,
    detail: 'This link uses http, not https: what you send and see there is not encrypted.',
    buttons: ['Open link', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  }
  const parent = BrowserWindow.getFocusedWindow()
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options)
  return response === 0
}

/** Every web contents stays on the app's page: no navigation away, no webviews, no new windows. */
export function hardenWebContents(guards: Pick<Guards, 'willNavigate' | 'windowOpen'>): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', guards.willNavigate)
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(guards.windowOpen)
  })
}
