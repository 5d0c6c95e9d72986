import { clipboard, ClipboardItem, Notification } from 'electron'
import type { ClipboardWriter, Notifier } from '../services/ports'

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
