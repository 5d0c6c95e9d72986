import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  globalShortcut,
  Notification,
  safeStorage,
  shell,
} from 'electron'
import type {
  ClipboardWriter,
  Desktop,
  FileSaver,
  FilePicker,
  FolderPicker,
  Notifier,
  SecretStore,
  ShortcutRegistrar,
} from '../services/ports'
import { setLinuxAutostart } from './autostart'
import { readSecretsFile, writeSecretsFile } from '../store/secrets-file'

/**
 * Notifications, held until they are clicked or closed: once Electron's Notification object is
 * garbage-collected the native one no longer reaches it (its delegate is cleared in
 * `~Notification`), so a click on a reminder read later would do nothing. `failed` (an unsigned
 * macOS build, a Windows toast refused) is logged and handed to `onFailed`.
 */
export function electronNotifier(
  onClick: (incidentId: string) => void,
  /** Told, in words for the user, when the system refused to show one. */
  onFailed: (notice: string) => void,
): Notifier {
  const live = new Set<Notification>()
  return {
    show: ({ title, body, incidentId }) => {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title, body })
      live.add(notification)
      const release = () => live.delete(notification)
      notification.on('click', () => {
        release()
        if (incidentId) onClick(incidentId)
      })
      notification.on('close', release)
      notification.on('failed', (_event, error) => {
        release()
        console.error(`A notification could not be shown: ${error}`)
        onFailed(
          `Incident Tray could not show a notification (${error}). Reminders still show in the tray and here; on macOS, allow notifications for Incident Tray in System Settings > Notifications.`,
        )
      })
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

/** globalShortcut behind the host's port: each action's accelerator, refusals reported back. */
export function electronShortcuts(actions: Record<string, () => void>): ShortcutRegistrar {
  return {
    register: (accelerators) => {
      globalShortcut.unregisterAll()
      const refused: string[] = []
      for (const [action, accelerator] of Object.entries(accelerators)) {
        const run = actions[action]
        if (!run) continue
        let registered = false
        try {
          registered = globalShortcut.register(accelerator, run)
        } catch {
          // An accelerator Electron cannot parse counts as refused, with the same message.
        }
        if (!registered) refused.push(accelerator)
      }
      return { refused }
    },
  }
}

export const electronDesktop: Desktop = {
  openFolder: (path) => shell.openPath(path),
  setOpenAtLogin: (enabled) => {
    if (process.platform === 'linux') {
      setLinuxAutostart(app.getPath('appData'), process.env.APPIMAGE ?? process.execPath, enabled)
    } else if (process.platform === 'win32') {
      app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] })
    } else {
      // `args` is Windows only: macOS says "opened at login" through wasOpenedAtLogin instead.
      app.setLoginItemSettings({ openAtLogin: enabled })
    }
  },
}

async function showOpen(options: Electron.OpenDialogOptions): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow()
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export const electronFolderPicker: FolderPicker = {
  pickFolder: (title) => showOpen({ title, properties: ['openDirectory'] }),
}

export const electronFilePicker: FilePicker = {
  pickFile: (title, extensions) =>
    showOpen({ title, properties: ['openFile'], filters: [{ name: 'Backup', extensions }] }),
}

/** The save dialog (suggesting Documents/<name>), then the file written where the user chose. */
export const electronFileSaver: FileSaver = {
  save: async (name, content) => {
    const result = await dialog.showSaveDialog({
      defaultPath: join(app.getPath('documents'), name),
    })
    if (result.canceled || !result.filePath) return null
    await writeFile(result.filePath, content)
    return result.filePath
  },
}

/**
 * Secrets through safeStorage (the OS keychain's key): each value encrypted, kept in `path`
 * (beside the settings, never in them; backups do not include it). Where the OS offers no
 * keychain (Linux without a secret service: the 'basic_text' backend), nothing is kept.
 * getSelectedStorageBackend exists on Linux only (Electron binds it under IS_LINUX): asking it
 * elsewhere would throw.
 */
export function electronSecrets(path: string): SecretStore {
  const read = () => readSecretsFile(path)
  const available = () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
  return {
    get: (key) => {
      const value = read()[key]
      if (value === undefined || !available()) return null
      return safeStorage.decryptString(Buffer.from(value, 'base64'))
    },
    set: (key, value) => {
      const all = read()
      if (value === null) delete all[key]
      else {
        if (!available()) throw new Error('The OS keychain is not available.')
        all[key] = safeStorage.encryptString(value).toString('base64')
      }
      writeSecretsFile(path, all)
    },
  }
}
