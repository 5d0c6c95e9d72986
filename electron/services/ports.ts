import type { CaptureSource } from '../shared/timeline-contract'
import type { UpdateState } from '../domain/app-update/policy'
import type { Backup, BackupProgress } from './backup'

/** What the host needs from the outside world. Main passes Electron adapters; tests pass recorders. */

export interface Clock {
  now(): number
  /** Runs `fn` once after `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void
}

export interface NotificationRequest {
  title: string
  body: string
  /** Clicking the notification opens this incident. */
  incidentId?: string
}

export interface Notifier {
  show(notification: NotificationRequest): void
}

export interface ClipboardWriter {
  /** `incidentId`: whose entries' masking state applies (see services/outgoing.ts). */
  write(content: { text: string; html?: string; incidentId?: string }): void
}

/** Global shortcuts: main registers them with globalShortcut; tests fake a taken one. */
export interface ShortcutRegistrar {
  /** Replaces every registration with these; returns the accelerators the OS refused. */
  register(accelerators: Record<string, string>): { refused: string[] }
}

/** The desktop around the app: the file manager and the login items. */
export interface Desktop {
  /** Opens a folder in the file manager; resolves to an error message, '' on success. */
  openFolder(path: string): Promise<string>
  setOpenAtLogin(enabled: boolean): void
}

/** The system's folder chooser (Electron's dialog in main). */
export interface FolderPicker {
  /** The chosen folder, or null when the user cancelled. */
  pickFolder(title: string): Promise<string | null>
}

/** Saving a document the user asked to export: a save dialog in main, a folder in tests. */
export interface FileSaver {
  /** Asks where to save (suggesting `name`) and writes `content`; the path, or null if cancelled. */
  save(name: string, content: string | Uint8Array, incidentId?: string): Promise<string | null>
}

/** The system's file chooser, for opening a backup. */
export interface FilePicker {
  /** The chosen file, or null when the user cancelled. */
  pickFile(title: string, extensions: string[]): Promise<string | null>
}

/** Screenshots of a display or a window: desktopCapturer in the app, a recorder in tests. */
export interface ScreenCapturer {
  sources(): Promise<CaptureSource[]>
  /** A full-resolution still of the source, as PNG bytes. */
  capture(id: string): Promise<Uint8Array>
  /** macOS asks for screen-recording permission; elsewhere it is not needed. */
  permission(): 'granted' | 'denied' | 'not-needed'
}

/**
 * Reads a backup file: unpacks and checks it whole (readBackup in services/backup.ts). The app
 * does it in a worker thread so the windows stay responsive and Cancel works at any moment; tests
 * read in-process.
 */
export interface BackupWorker {
  read(path: string, onProgress: (progress: BackupProgress) => void): Promise<Backup>
  /** Stops the read under way, if any: its promise rejects with 'cancelled'. */
  cancel(): void
}

/**
 * Secrets (the publishing application password): Electron's safeStorage (the OS keychain) in
 * the app, a file-backed fake in tests. Never in settings, logs, exports or backups.
 */
export interface SecretStore {
  get(key: string): string | null
  /** null deletes. */
  set(key: string, value: string | null): void
}

/**
 * The app's own updater: electron-updater in main (main/updater.ts), a scripted one in tests. The
 * host decides what is offered (domain/app-update/policy.ts); the updater only does it.
 */
export interface AppUpdater {
  /** The version running now. */
  version(): string
  state(): UpdateState
  /** Called after every change of state (a download's progress too). */
  onChange(listener: () => void): void
  /** Checks now; a check already under way is joined. */
  check(): void
  /** Checks by itself at start and every few hours while on. */
  setAutomatic(on: boolean): void
  /** Whether quitting may install the downloaded update: only while no incident is active. */
  setInstallOnQuit(allowed: boolean): void
  /** Quits and installs; the host has said it is safe and windows have kept what was typed. */
  install(): void
}

export interface Ports {
  clock: Clock
  notifier: Notifier
  clipboard: ClipboardWriter
  shortcuts: ShortcutRegistrar
  desktop: Desktop
  /** The folder dialog; without it, no folder can be chosen (tests pass a scripted one). */
  folderPicker?: FolderPicker
  files: FileSaver
  /** The file dialog; without it, no backup can be chosen (tests pass a scripted one). */
  filePicker?: FilePicker
  /** Optional: without it, capturing says screenshots are not available here. */
  capturer?: ScreenCapturer
  /** Optional: without it, a backup is read and checked in-process. */
  backupWorker?: BackupWorker
  /** Optional: without it, publishing says the keychain is not available here. */
  secrets?: SecretStore
  /** Optional: without it, the app says it does not update itself here. */
  updater?: AppUpdater
}
