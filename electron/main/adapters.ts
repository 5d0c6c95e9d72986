import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, clipboard, ClipboardItem, dialog, Notification } from 'electron'
import type { ClipboardWriter, FileSaver, Notifier } from '../services/ports'

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

/** The save dialog (suggesting Documents/<name>), then the file written where the user chose. */
export const electronFileSaver: FileSaver = {
  save: async (name, content) => {
    const result = await dialog.showSaveDialog({
      defaultPath: join(app.getPath('documents'), name),
    })
    if (result.canceled || !result.filePath) return null
    await writeFile(result.filePath, content, 'utf8')
    return result.filePath
  },
}
