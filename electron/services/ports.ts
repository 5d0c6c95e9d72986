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

export interface Ports {
  clock: Clock
  notifier: Notifier
  clipboard: ClipboardWriter
}
