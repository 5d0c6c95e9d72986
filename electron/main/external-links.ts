import { BrowserWindow, dialog } from 'electron'

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
