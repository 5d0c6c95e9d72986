import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const AUTOSTART_FILE = 'incident-tray.desktop'

/** Quotes an Exec argument as the Desktop Entry spec asks (spaces, quotes, backslashes). */
function quoteExec(arg: string): string {
  if (!/[\s"'\\$`]/.test(arg)) return arg
  return `"${arg.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`
}

/**
 * The XDG autostart entry that opens the app at login on Linux. `appPath` is the executable
 * ($APPIMAGE for an AppImage, whose mounted path changes every run).
 */
export function autostartDesktopEntry(appPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Incident Tray',
    'Comment=Record incidents and keep status updates on time',
    `Exec=${quoteExec(appPath)} --hidden`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** Writes or removes ~/.config/autostart/incident-tray.desktop (`configDir` is ~/.config). */
export function setLinuxAutostart(configDir: string, appPath: string, enabled: boolean): void {
  const dir = join(configDir, 'autostart')
  const file = join(dir, AUTOSTART_FILE)
  if (enabled) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, autostartDesktopEntry(appPath))
  } else if (existsSync(file)) {
    rmSync(file)
  }
}
