import { BrowserWindow, clipboard, ClipboardItem, dialog, Notification } from 'electron'
import type { ClipboardWriter, FolderPicker, Notifier } from '../services/ports'

export function electronNotifier(onClick: (incidentId: string) => void): Notifier {
  return {
    show: ({ title, body, incidentId }) => {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title, body })
      if (incidentId) notification.on('click', () => onClick(incidentId))
      notification.show()
    },
  }
}

export const electronClipboard: ClipboardWriter = {
  write: ({ text, html }) => {
    // Text and HTML in one item, so rich editors (WordPress) take the HTML and others the text.
    void clipboard.write([
      new ClipboardItem(html ? { 'text/plain': text, 'text/html': html } : { 'text/plain': text }),
    ])
  },
}

export const electronFolderPicker: FolderPicker = {
  pickFolder: async (title) => {
    const options = { title, properties: ['openDirectory' as const] }
    const parent = BrowserWindow.getFocusedWindow()
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
}
