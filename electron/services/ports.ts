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
  write(content: { text: string; html?: string }): void
}

/** Saving a document the user asked to export: a save dialog in main, a folder in tests. */
export interface FileSaver {
  /** Asks where to save (suggesting `name`) and writes `content`; the path, or null if cancelled. */
  save(name: string, content: string): Promise<string | null>
}

export interface Ports {
  clock: Clock
  notifier: Notifier
  clipboard: ClipboardWriter
  files: FileSaver
}
