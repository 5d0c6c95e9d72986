/**
 * Which desktop the stand-in plays: `launchBuiltApp({ platform })` sets STANDIN_PLATFORM for the
 * app's process (register.mjs makes `process.platform` follow it before the app loads). Each
 * module asks here where Electron behaves differently per OS, and cites the docs or source line
 * it follows there.
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export type StandinPlatform = 'linux-x11' | 'linux-wayland' | 'darwin' | 'win32'
export const PLATFORMS: readonly StandinPlatform[] = [
  'linux-x11',
  'linux-wayland',
  'darwin',
  'win32',
]

export const platform = (process.env.STANDIN_PLATFORM ?? 'linux-x11') as StandinPlatform
export const isLinux = platform === 'linux-x11' || platform === 'linux-wayland'
export const isWayland = platform === 'linux-wayland'
export const isMac = platform === 'darwin'
export const isWindows = platform === 'win32'

/**
 * Linux: whether a StatusNotifierItem host runs (KDE, GNOME with the AppIndicator extension).
 * Without one Electron falls back to a GtkStatusIcon (tray docs, "Platform Considerations";
 * `TrayIconLinux::OnImplInitializationFailed`, shell/browser/ui/tray_icon_linux.cc) that vanilla
 * GNOME and Wayland do not show: the Tray constructs, its calls succeed, and no icon appears.
 * launch.ts answers the session bus's NameHasOwner the same way (a `dbus-send` on the PATH).
 */
export const trayShown = !isLinux || process.env.STANDIN_TRAY_HOST !== '0'

/**
 * The folder app.getPath('appData') names on each OS
 * (https://www.electronjs.org/docs/latest/api/app#appgetpathname): `$XDG_CONFIG_HOME` or
 * ~/.config on Linux, ~/Library/Application Support on macOS, `%APPDATA%` on Windows.
 */
export function appDataDir(): string {
  if (isMac) return join(homedir(), 'Library', 'Application Support')
  if (isWindows) return process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
  return process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
}

/**
 * Display scale factors as the machines they stand for ship them
 * (https://www.electronjs.org/docs/latest/api/structures/display): a Retina Mac at 2, a Windows
 * laptop at 150%, a Linux desktop at 1.
 */
export const SCALE_FACTOR = isMac ? 2 : isWindows ? 1.5 : 1

/**
 * Whether a `.desktop` file of this name is installed where the XDG base directory spec looks
 * (`$XDG_DATA_HOME/applications`, then each of `$XDG_DATA_DIRS`): the portal resolves the app's
 * identity through it (https://www.electronjs.org/docs/latest/api/global-shortcut#usage-on-linux).
 */
export function desktopFileInstalled(desktopName: string | undefined): boolean {
  if (!desktopName) return false
  const file = desktopName.endsWith('.desktop') ? desktopName : `${desktopName}.desktop`
  const dirs = [
    process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'),
    ...(process.env.XDG_DATA_DIRS ?? '/usr/local/share:/usr/share').split(':'),
  ]
  return dirs.some((dir) => dir !== '' && existsSync(join(dir, 'applications', file)))
}
