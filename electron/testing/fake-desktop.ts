import { normalizeAccelerator } from '../domain/settings/shortcuts'
import type { Desktop, ShortcutRegistrar } from '../services/ports'

/**
 * Stands in for globalShortcut, shell.openPath and the login items: records what the host asked
 * for, and refuses the shortcuts a test says another app holds.
 */
export class FakeDesktop implements ShortcutRegistrar, Desktop {
  /** What is registered now, action → accelerator. */
  registered: Record<string, string> = {}
  openedFolders: string[] = []
  openAtLogin = false
  private readonly taken: Set<string>

  constructor(takenShortcuts: readonly string[] = []) {
    this.taken = new Set(takenShortcuts.map(normalizeAccelerator))
  }

  register(accelerators: Record<string, string>): { refused: string[] } {
    const refused = Object.values(accelerators).filter((a) =>
      this.taken.has(normalizeAccelerator(a)),
    )
    this.registered = Object.fromEntries(
      Object.entries(accelerators).filter(([, a]) => !refused.includes(a)),
    )
    return { refused }
  }

  openFolder(path: string): Promise<string> {
    this.openedFolders.push(path)
    return Promise.resolve('')
  }

  setOpenAtLogin(enabled: boolean): void {
    this.openAtLogin = enabled
  }
}
