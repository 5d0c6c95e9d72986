/**
 * When the app may update itself, as a pure function of what the updater knows, how many
 * incidents are active and what the user asked. The one rule other apps do not have: an update
 * is never applied while an incident is active, neither by "Restart to update" nor on quit.
 */

/** Why this copy of the app does not update itself. */
export type UpdatesOff =
  /** `npm start`: not an installed app. */
  | 'development'
  /** Installed from a deb or rpm package: the package manager updates it. */
  | 'package-manager'
  /** A build without the update feed packaging writes (app-update.yml). */
  | 'not-configured'

/** What the updater knows; main keeps it, the host reads it. */
export type UpdateState =
  | { kind: 'off'; reason: UpdatesOff }
  /** Nothing to do: up to date at `checkedAt`, or not checked yet. */
  | { kind: 'idle'; checkedAt?: number }
  | { kind: 'checking' }
  /** A newer version found; waiting for mains power before a large download. */
  | { kind: 'on-battery'; version: string }
  | { kind: 'downloading'; version: string; percent: number }
  /** Downloaded and verified against the release's sha512. */
  | { kind: 'ready'; version: string; notes: string; releaseUrl?: string }
  /** The last check or download failed; tried again by itself at `retryAt` (automatic checks on). */
  | { kind: 'failed'; message: string; retryAt?: number }

export type UpdateAction = 'none' | 'check' | 'install'

export type UpdateTrayItem =
  | { kind: 'update-check'; label: string }
  | { kind: 'update-restart'; label: string }
  | { kind: 'update-waiting'; label: string }

export interface UpdateOffer {
  /** One line for Settings → About. */
  status: string
  /** What the window shows above everything else, if anything. */
  notice: { kind: 'restart' | 'wait'; text: string } | null
  /** The tray menu's update item, if any. */
  tray: UpdateTrayItem | null
  /** What the user's action leads to: a check, the install, or a refusal in words. */
  outcome:
    | { kind: 'none' }
    | { kind: 'check' }
    | { kind: 'install' }
    | { kind: 'refused'; message: string }
  /** electron-updater's `autoInstallOnAppQuit`: only while no incident is active. */
  installOnQuit: boolean
}

const OFF_TEXT: Record<UpdatesOff, string> = {
  development: 'Updates are off in a development build (npm start).',
  'package-manager':
    'Installed from a deb or rpm package: updates come through your package manager (apt, dnf), not from the app.',
  'not-configured': 'This build has no update feed, so it does not update itself.',
}

export const restartLabel = (version: string) => `Restart to update to ${version}`
export const waitText = (version: string) =>
  `Update ${version} ready — it will wait until no incident is active`

function statusOf(state: UpdateState, now: number): string {
  switch (state.kind) {
    case 'off':
      return OFF_TEXT[state.reason]
    case 'idle':
      return state.checkedAt === undefined
        ? 'Not checked for updates yet.'
        : `Up to date (checked ${minutesAgo(now - state.checkedAt)}).`
    case 'checking':
      return 'Checking for updates…'
    case 'on-battery':
      return `Version ${state.version} is available; it downloads when the computer is on mains power.`
    case 'downloading':
      return `Downloading ${state.version}… ${state.percent}%`
    case 'ready':
      return `Version ${state.version} is downloaded and verified.`
    case 'failed':
      return state.retryAt === undefined
        ? `Could not update (${state.message}).`
        : `Could not update (${state.message}). Trying again ${minutesAhead(state.retryAt - now)}.`
    default:
      return unknownState(state)
  }
}

function unknownState(state: never): string {
  return `Unknown update state ${JSON.stringify(state)}.`
}

function minutesAgo(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  if (minutes < 1) return 'just now'
  if (minutes < 120) return `${minutes} min ago`
  return `${Math.round(minutes / 60)} h ago`
}

function minutesAhead(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  return minutes < 120 ? `in ${minutes} min` : `in ${Math.round(minutes / 60)} h`
}

/** Checking is possible unless updates are off or a check or download is already under way. */
function checkable(state: UpdateState): boolean {
  return state.kind === 'idle' || state.kind === 'failed' || state.kind === 'on-battery'
}

function outcomeOf(
  state: UpdateState,
  activeIncidents: number,
  action: UpdateAction,
): UpdateOffer['outcome'] {
  if (action === 'none') return { kind: 'none' }
  if (action === 'check') {
    if (state.kind === 'off') return { kind: 'refused', message: OFF_TEXT[state.reason] }
    return checkable(state) ? { kind: 'check' } : { kind: 'none' }
  }
  if (state.kind !== 'ready')
    return { kind: 'refused', message: 'No update has been downloaded yet.' }
  if (activeIncidents > 0)
    return {
      kind: 'refused',
      message: `${waitText(state.version)} (${activeIncidents} active now).`,
    }
  return { kind: 'install' }
}

export function updateOffer(
  state: UpdateState,
  activeIncidents: number,
  now: number,
  action: UpdateAction = 'none',
): UpdateOffer {
  const ready = state.kind === 'ready'
  const safe = activeIncidents === 0
  return {
    status: statusOf(state, now),
    notice: !ready
      ? null
      : safe
        ? { kind: 'restart', text: restartLabel(state.version) }
        : { kind: 'wait', text: waitText(state.version) },
    tray:
      state.kind === 'off'
        ? null
        : ready
          ? safe
            ? { kind: 'update-restart', label: restartLabel(state.version) }
            : { kind: 'update-waiting', label: waitText(state.version) }
          : { kind: 'update-check', label: 'Check for updates' },
    outcome: outcomeOf(state, activeIncidents, action),
    installOnQuit: ready && safe,
  }
}
