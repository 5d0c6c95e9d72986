import { execFile } from 'node:child_process'
import { onWayland } from './platform'

/** Runs a program and gives its standard output; rejects when it cannot run or fails. */
export type RunProgram = (file: string, args: string[]) => Promise<string>

const run: RunProgram = (file, args) =>
  new Promise((resolve, reject) =>
    execFile(file, args, { timeout: 2000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
  )

/**
 * Whether this Linux desktop shows no tray icon at all. Electron's Linux tray is a
 * StatusNotifierItem, and when no host watches for one it falls back to a GtkStatusIcon
 * (tray docs, "Platform Considerations"; `TrayIconLinux::OnImplInitializationFailed`,
 * shell/browser/ui/tray_icon_linux.cc), which GNOME stopped showing in 3.26 and which Wayland
 * has no place for: the Tray still constructs and nothing tells the app. So the app asks the
 * session bus whether a host (`org.kde.StatusNotifierWatcher`) is there: vanilla GNOME without
 * the AppIndicator extension answers no. Only GNOME and Wayland sessions are judged; an X11
 * desktop may still have the legacy tray the GtkStatusIcon shows in. When the bus cannot be
 * asked, the tray is taken to be there, as before.
 */
export async function noTrayHost(
  env: NodeJS.ProcessEnv = process.env,
  runProgram: RunProgram = run,
): Promise<boolean> {
  if (process.platform !== 'linux') return false
  const gnome = (env.XDG_CURRENT_DESKTOP ?? '').split(':').some((d) => /gnome/i.test(d))
  if (!gnome && !onWayland(env)) return false
  try {
    const reply = await runProgram('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.kde.StatusNotifierWatcher',
    ])
    return /\bboolean false\b/.test(reply)
  } catch {
    return false
  }
}

/** Calls `then` once it is known that no tray icon shows on this desktop. */
export function whenNoTrayHost(then: () => void): void {
  void noTrayHost().then((missing) => {
    if (missing) then()
  })
}

export const NO_TRAY_NOTICE =
  'This desktop shows no tray icons, so closing the window minimizes it instead of hiding it in the tray. On GNOME, the “AppIndicator and KStatusNotifierItem Support” extension shows the tray icon and its menu.'
