import type { CaptureSource } from '../shared/timeline-contract'

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

/** Screenshots of a display or a window: desktopCapturer in the app, a recorder in tests. */
export interface ScreenCapturer {
  sources(): Promise<CaptureSource[]>
  /** A full-resolution still of the source, as PNG bytes. */
  capture(id: string): Promise<Uint8Array>
  /** macOS asks for screen-recording permission; elsewhere it is not needed. */
  permission(): 'granted' | 'denied' | 'not-needed'
}

export interface Ports {
  clock: Clock
  notifier: Notifier
  clipboard: ClipboardWriter
  /** Optional: without it, capturing says screenshots are not available here. */
  capturer?: ScreenCapturer
}
