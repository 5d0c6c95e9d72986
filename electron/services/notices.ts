import type { Notice } from '../shared/ipc-contract'

/**
 * Everything the user must hear about (a repaired log, a line set aside, damaged settings), from
 * start-up or any time after: shown in the window and the tray until dismissed, and kept in
 * Settings → Data for the rest of the session.
 */
export class NoticeBoard {
  private readonly notices: Notice[] = []
  private readonly listeners = new Set<() => void>()

  constructor(private readonly now: () => Date) {}

  add(message: string): void {
    if (this.notices.some((n) => n.message === message)) return
    this.notices.push({
      id: `notice-${this.notices.length + 1}`,
      message,
      at: this.now().toISOString(),
      dismissed: false,
    })
    for (const listener of this.listeners) listener()
  }

  dismiss(id: string): void {
    const notice = this.notices.find((n) => n.id === id)
    if (!notice || notice.dismissed) return
    notice.dismissed = true
    for (const listener of this.listeners) listener()
  }

  list(): Notice[] {
    return this.notices.map((n) => ({ ...n }))
  }

  active(): number {
    return this.notices.filter((n) => !n.dismissed).length
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener)
  }
}
