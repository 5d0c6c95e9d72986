import type { Settings } from '../domain/settings/settings'
import { isWithinWorkingHours } from '../domain/settings/preferences'
import type { Snapshot } from '../shared/ipc-contract'
import type { IncidentStore } from '../store/incident-store'
import type { SettingsStore } from '../store/settings-store'
import type { IncidentRepository } from './incidents'
import type { NoticeBoard } from './notices'
import type { Ports } from './ports'
import { registerSavedShortcuts } from './handlers/settings'
import { tightenDataFolder } from '../store/private-files'

/** What the host composes from: small parts of `createHost` (host.ts). */

/** Notices from start-up: store repairs, settings problems, shortcuts that could not register. */
export function startupNotices(
  store: IncidentStore,
  settings: SettingsStore,
  ports: Ports,
): string[] {
  return [
    // Folders and files an older version left readable by other users are made private.
    ...tightenDataFolder(store.dataDir),
    ...store.notices.map((n) => n.message),
    ...settings.notices,
    ...registerSavedShortcuts(ports.shortcuts, settings.get()),
  ]
}

// Quiet hours are the time outside the user's working hours (settings, "You"). Working hours
// are in whole minutes, and the time-zone lookup is costly: asked once per minute and settings.
export function quietHours(settings: SettingsStore): (at: number) => boolean {
  let quiet: { minute: number; settings: Settings; quiet: boolean } | undefined
  return (at: number) => {
    const current = settings.get()
    const minute = Math.floor(at / 60_000)
    if (quiet?.minute !== minute || quiet.settings !== current) {
      const { you, notifications } = current
      quiet = {
        minute,
        settings: current,
        quiet:
          notifications.onlySeverity1OutsideWorkingHours &&
          !isWithinWorkingHours(you, new Date(at)),
      }
    }
    return quiet.quiet
  }
}

/**
 * What follows a change: pushes, reminders, publishing, the index. After a command (`soon`) it
 * runs once the command has been answered, so the answer waits only for the durable append;
 * changes in one turn are folded into one run. `now` runs it at once (a service that needs the
 * settled state to go on); `flush` runs what is pending (before close, and for `call`).
 */
export function afterAnswer(run: () => void, log: (err: unknown) => void) {
  let pending: ReturnType<typeof setImmediate> | undefined
  const now = () => {
    if (pending !== undefined) clearImmediate(pending)
    pending = undefined
    try {
      run()
    } catch (err) {
      // The command is already durable and answered; a failed reaction is logged, not undone.
      log(err)
    }
  }
  return {
    soon: () => {
      pending ??= setImmediate(now)
    },
    now,
    flush: () => {
      if (pending !== undefined) now()
    },
  }
}

/** The index is a start-up cache; writing it a little later keeps appends fast. */
export function laterIndexWrite(store: IncidentStore, clock: Ports['clock']) {
  let cancel: (() => void) | undefined
  return {
    soon: () => {
      cancel ??= clock.setTimer(() => {
        cancel = undefined
        store.writeIndex()
      }, 2_000)
    },
    cancel: () => {
      cancel?.()
      cancel = undefined
    },
  }
}

/** What the renderer is sent: the incidents, settings, the default recorder and notices. */
export function snapshotOf(
  incidents: IncidentRepository,
  settings: SettingsStore,
  notices: NoticeBoard,
  osUser: () => string,
): Snapshot {
  return {
    incidents: incidents.list(),
    settings: settings.get(),
    defaultRecorder: settings.get().you.name || osUser() || 'Unknown',
    notices: notices.list(),
  }
}
