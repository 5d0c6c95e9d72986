import { join } from 'node:path'
import type { Settings } from '../domain/settings/settings'
import { trayModel, type TrayModel } from '../domain/incident/tray-model'
import type { InvokeChannel } from '../shared/ipc-channels'
import type { ChannelInput, ChannelOutput, HostPush, Snapshot } from '../shared/ipc-contract'
import type { Result } from '../shared/result'
import { beatingClock, lockDataFolder, type DataFolderLock } from '../store/data-lock'
import type { FsPort } from '../store/fs-port'
import { DeadlineLedger } from '../store/deadline-ledger'
import { IncidentStore } from '../store/incident-store'
import { SettingsStore, type SettingsBackend } from '../store/settings-store'
import { DeadlineEngine } from './deadlines/engine'
import { DEADLINE_JOBS } from './deadlines/jobs'
import { createDispatcher, type Dispatch, type Handlers } from './dispatch'
import type { HostContext } from './context'
import { attachmentHandlers } from './handlers/attachments'
import { coreHandlers } from './handlers/core'
import { commsHandlers } from './handlers/comms'
import { dataFolderHandlers, settingsHandlers } from './handlers/settings'
import { mitigationHandlers } from './handlers/mitigation'
import { resolveHandlers } from './handlers/resolve'
import { runbookHandlers } from './handlers/runbooks'
import { updateHandlers } from './handlers/updates'
import { lifecycleHandlers } from './handlers/lifecycle'
import { retroHandlers } from './handlers/retro'
import { quickNoteHandlers } from './handlers/quicknote'
import { timelineHandlers } from './handlers/timeline'
import { historyHandlers } from './handlers/history'
import { viewHandlers } from './handlers/views'
import { hostPushes } from './pushes'
import { publishingHandlers } from './publishing/handlers'
import { Publisher } from './publishing/publisher'
import { Follower } from './publishing/follower'
import { p2Handlers } from './publishing/p2-handlers'
import { IncidentRepository } from './incidents'
import { NoticeBoard } from './notices'
import { maskedPorts, maskedTray } from './outgoing'
import type { Ports } from './ports'
import { systemUserName } from '../store/system-user'
import { appUpdates } from './app-updates'
import { afterAnswer, laterIndexWrite, quietHours, snapshotOf, startupNotices } from './host-parts'

export interface HostOptions {
  dataDir: string
  ports: Ports
  /** Opens the settings file: electron-store in the app, conf in tests. */
  openSettings: () => SettingsBackend
  /** Ids for new incidents and events; random unless a test fixes them. */
  newId?: () => string
  log?: (err: unknown) => void
  /** The system's name for the user (full name, else login: store/system-user.ts); tests pass their own. */
  userName?: () => string
  /** Applies the tray model; main renders it, tests record it. */
  onTray?: (model: TrayModel) => void
  /** The file-system calls the store writes through; tests inject faults. */
  fs?: FsPort
  /** How long publishing waits for the site (default 15 s); tests shorten it. */
  publishTimeoutMs?: number
}

export interface Host {
  /** Any payload on any channel, as IPC delivers it: validated, never trusted. */
  dispatch: Dispatch
  /** The same path, typed, for tests and tools; answers once what follows the command has run. */
  call<C extends InvokeChannel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Result<ChannelOutput<C>>>
  snapshot(): Snapshot
  /** The whole snapshot after every change: for tests and tools, not for windows. */
  subscribe(listener: (snapshot: Snapshot) => void): () => void
  /**
   * What a window hears (main and the e2e harness forward it): after a change to incidents, one
   * `incident:changed` per incident with its version and summary; a whole snapshot on
   * `state:changed` only when settings or notices changed, or an import replaced incidents.
   */
  onPush(listener: (push: HostPush) => void): () => void
  settings(): Settings
  tray(): TrayModel
  /** Re-evaluates deadlines now: main calls it on resume from sleep and on unlock. */
  wake(): void
  /** Resolves when no publish is in flight: tests wait on it, never on turns of the event loop. */
  publishingIdle(): Promise<void>
  /** Resolves when no read of the P2 is in flight. */
  followingIdle(): Promise<void>
  /** Something the desktop told main that the user must hear (a notification it refused). */
  notice(message: string): void
  /**
   * Work done since start: logs replayed, index entries written, incidents the deadline engine
   * looked at. Tests and the bench count it to show a command's work does not grow with the archive.
   */
  work(): {
    replayed: number
    indexed: number
    evaluated: number
    ledgered: number
    /** What reading the P2 back cost the site: requests, bytes, polls, timers armed. */
    follow: { requests: number; bytes: number; polls: number; timers: number }
  }
  close(): void
}

export const SETTINGS_FILE = 'settings.json'

/** The system's name for the user, asked once: it reads the passwd file; every snapshot has it. */
function askedOnce(ask: () => string): () => string {
  let answer: string | undefined
  return () => (answer ??= ask())
}

/**
 * The whole app minus Electron: store, services and the IPC handlers, over the given ports.
 * Throws a UserError (code `data-folder-in-use`, naming the folder) when another process writes
 * this data folder; nothing is written then. Main shows that message and quits.
 */
export function createHost(options: HostOptions): Host {
  const now = () => new Date(options.ports.clock.now())
  // First, before anything can write: one process per data folder.
  const lock = lockDataFolder(options.dataDir, options.ports.clock)
  try {
    // The lock's heartbeat rides on the host's own timers: it adds no wake-up of its own.
    const clock = beatingClock(options.ports.clock, lock)
    const host = composeHost({ ...options, ports: { ...options.ports, clock } }, now, lock)
    // Taken over while this one slept or hung: the user hears it until dismissed.
    lock.onLost((message) => host.notice(message))
    return host
  } catch (err) {
    lock.release()
    throw err
  }
}

function composeHost(options: HostOptions, now: () => Date, lock: DataFolderLock): Host {
  const { dataDir } = options
  const log = options.log ?? ((err: unknown) => console.error(err))
  const notices = new NoticeBoard(now)
  const settings = new SettingsStore(options.openSettings, join(dataDir, SETTINGS_FILE), now)
  const store = new IncidentStore(dataDir, now, { fs: options.fs })
  // Live: a repair at start-up, at an incident's first open or after a failed write is heard.
  store.onNotice((notice) => notices.add(notice.message))
  const indexWrite = laterIndexWrite(store, options.ports.clock)
  // Every command goes through `incidents.execute`, which tells `changed` after it appended.
  const incidents = new IncidentRepository(store, now, options.newId, {
    actor: () => settings.get().you.name,
    changed: () => reactions.soon(),
  })
  // The choke point: whatever leaves the app through a port is masked (services/outgoing.ts).
  const ports = outgoingPorts(options.ports, incidents)
  for (const message of startupNotices(store, settings, ports)) notices.add(message)
  // A start-up that replayed logs writes the index a moment later, not before the window shows.
  if (store.indexPending) indexWrite.soon()
  const changedJobs: ((ids: readonly string[]) => void)[] = []
  const closeJobs: (() => void)[] = []
  const osUser = askedOnce(options.userName ?? systemUserName)
  const snapshot = () => snapshotOf(incidents, settings, notices, osUser)
  const pushes = hostPushes(incidents, settings, snapshot)
  // What follows a change: after a command, on the loop's next turn (its answer does not wait).
  const reactions = afterAnswer(() => {
    const ids = incidents.takeChanged()
    pushes.changed(ids)
    for (const job of changedJobs) job(ids)
    indexWrite.soon()
  }, log)
  const tray = () =>
    updates.tray(trayModel(incidents.active(), settings.get(), ports.clock.now(), notices.active()))
  const ctx: HostContext = {
    dataDir,
    ports,
    store,
    incidents,
    settings,
    now,
    changed: () => reactions.now(),
    onChanged: (job) => changedJobs.push(job),
    onClose: (job) => closeJobs.push(job),
  }
  const publisher = new Publisher(ctx, { timeoutMs: options.publishTimeoutMs })
  const follower = new Follower(ctx, publisher.connection)
  // The app's own updates: the tray and the windows hear each change of the update's state.
  const updates = appUpdates(ctx, pushes, () => options.onTray?.(maskedTray(tray())))
  const handlers = featureHandlers(ctx, snapshot, notices, publisher, follower, updates.handlers)
  // One engine for every reminder: it looks at the incident that changed, and on its timer at
  // incidents with a deadline ahead, never at the archive (services/deadlines/engine.ts).
  const ledger = new DeadlineLedger(dataDir)
  const deadlines = startDeadlines(ctx, ledger, () => options.onTray?.(maskedTray(tray())))
  notices.onChange(() => (pushes.snapshot(), options.onTray?.(tray())))
  const dispatch = createDispatcher(handlers, log)
  return {
    dispatch,
    call: async (channel, input) => {
      const result = (await dispatch(channel, input)) as Result<never>
      reactions.flush()
      return result
    },
    snapshot,
    subscribe: pushes.subscribe,
    onPush: pushes.onPush,
    settings: () => settings.get(),
    tray: () => maskedTray(tray()),
    wake: () => (deadlines.wake(), follower.now()),
    publishingIdle: () => publisher.idle(),
    followingIdle: () => follower.idle(),
    notice: (message) => notices.add(message),
    work: () => workDone(store, deadlines, ledger, follower),
    close: () => {
      reactions.flush()
      for (const job of closeJobs) job()
      indexWrite.cancel()
      store.writeIndex({ clean: true })
      pushes.clear()
      lock.release()
    },
  }
}

function workDone(
  store: IncidentStore,
  deadlines: DeadlineEngine,
  ledger: DeadlineLedger,
  follower: Follower,
): ReturnType<Host['work']> {
  return {
    ...store.work,
    evaluated: deadlines.evaluations,
    ledgered: ledger.written,
    follow: { ...follower.cost },
  }
}

/** The ports, masked where text leaves the app by the state of the incident it belongs to. */
function outgoingPorts(ports: Ports, incidents: IncidentRepository): Ports {
  return maskedPorts(ports, (id) => {
    try {
      return incidents.get(id)
    } catch {
      return undefined
    }
  })
}

/** Each feature adds its slice here; `satisfies` fails the build if a channel has no handler. */
function featureHandlers(
  ctx: HostContext,
  snapshot: () => Snapshot,
  notices: NoticeBoard,
  publisher: Publisher,
  follower: Follower,
  updates: ReturnType<typeof appUpdates>['handlers'],
): Handlers {
  return {
    ...coreHandlers(ctx, snapshot, notices),
    ...updateHandlers(ctx),
    ...commsHandlers(ctx),
    ...settingsHandlers(ctx),
    ...dataFolderHandlers(ctx),
    ...mitigationHandlers(ctx),
    ...runbookHandlers(ctx),
    ...resolveHandlers(ctx),
    ...lifecycleHandlers(ctx),
    ...retroHandlers(ctx),
    ...timelineHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...quickNoteHandlers(ctx),
    ...historyHandlers(ctx),
    ...viewHandlers(ctx),
    ...publishingHandlers(ctx, publisher),
    ...p2Handlers(ctx, publisher, follower),
    ...updates,
  } satisfies Handlers
}

/** The deadline engine over the repository, the ports and settings, started. */
function startDeadlines(
  ctx: HostContext,
  ledger: DeadlineLedger,
  onTick: () => void,
): DeadlineEngine {
  const { incidents, ports, settings } = ctx
  const deadlines = new DeadlineEngine({
    jobs: DEADLINE_JOBS,
    ledger,
    source: {
      summaries: () => incidents.list(),
      summary: (id) => incidents.find(id),
      incident: (id) => incidents.get(id),
    },
    clock: ports.clock,
    notifier: ports.notifier,
    settings: () => settings.get(),
    isQuiet: quietHours(settings),
    onTick,
  })
  ctx.onChanged((ids) => deadlines.changed(ids))
  ctx.onClose(() => (deadlines.stop(), ledger.compact()))
  deadlines.evaluate()
  return deadlines
}
