import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The installer's identity. Windows shows a toast only for the AppUserModelID of a Start Menu
 * shortcut (https://www.electronjs.org/docs/latest/tutorial/notifications#windows), and the
 * nsis installer gives its shortcut electron-builder's `appId`: keep the two the same.
 */
export const APP_USER_MODEL_ID = 'org.openverse.incident-tray'

/** A Linux session on Wayland, where global shortcuts go through the desktop portal. */
export function onWayland(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    process.platform === 'linux' &&
    (env.XDG_SESSION_TYPE === 'wayland' || (Boolean(env.WAYLAND_DISPLAY) && !env.DISPLAY))
  )
}

/** package.json's `desktopName`: Electron's Linux app id (the `.desktop` file the portal looks up). */
export function desktopName(appPath: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as {
      desktopName?: unknown
    }
    return typeof pkg.desktopName === 'string' ? pkg.desktopName : undefined
  } catch {
    return undefined
  }
}

/** Whether `<name>.desktop` is installed where the XDG base directory spec says to look. */
export function desktopEntryInstalled(
  name: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (!name) return false
  const file = name.endsWith('.desktop') ? name : `${name}.desktop`
  const dirs = [
    env.XDG_DATA_HOME || join(homedir(), '.local', 'share'),
    ...(env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':'),
  ]
  return dirs.some((dir) => dir !== '' && existsSync(join(dir, 'applications', file)))
}

/**
 * On Wayland the desktop grants global shortcuts through its portal, and only to an app whose
 * `desktopName` names an installed `.desktop` file; `globalShortcut.register` returns true
 * either way (https://www.electronjs.org/docs/latest/api/global-shortcut#usage-on-linux). So
 * the app checks what the portal will check, and says so when the answer is no.
 */
export function waylandShortcutProblem(appPath: string): string | null {
  if (!onWayland()) return null
  const name = desktopName(appPath)
  if (desktopEntryInstalled(name)) return null
  return `Global shortcuts cannot work in this copy of Incident Tray: on Wayland the desktop grants them only to an installed app (${name ?? 'its .desktop file'} was not found). Install the app from its package (AppImage or deb), or use the tray menu.`
}
