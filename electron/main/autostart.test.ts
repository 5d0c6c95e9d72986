import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/fixtures'
import { AUTOSTART_FILE, autostartDesktopEntry, setLinuxAutostart } from './autostart'

describe('Linux autostart entry', () => {
  const dirs: (() => void)[] = []
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()))

  it('runs the app path hidden at login', () => {
    const entry = autostartDesktopEntry('/opt/Incident Tray/incident-tray')
    expect(entry.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=Incident Tray',
      'Comment=Record incidents and keep status updates on time',
      'Exec="/opt/Incident Tray/incident-tray" --hidden',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ])
  })

  it('leaves a plain path unquoted and escapes quotes and dollars', () => {
    expect(autostartDesktopEntry('/usr/bin/incident-tray')).toContain(
      'Exec=/usr/bin/incident-tray --hidden',
    )
    expect(autostartDesktopEntry('/home/a"b/$x')).toContain('Exec="/home/a\\"b/\\$x" --hidden')
  })

  it('writes the file when enabled and removes it when disabled', () => {
    const { dir, cleanup } = tempDir()
    dirs.push(cleanup)
    const file = join(dir, 'autostart', AUTOSTART_FILE)
    setLinuxAutostart(dir, '/usr/bin/incident-tray', true)
    expect(readFileSync(file, 'utf8')).toBe(autostartDesktopEntry('/usr/bin/incident-tray'))
    setLinuxAutostart(dir, '/usr/bin/incident-tray', false)
    expect(existsSync(file)).toBe(false)
    // Disabling twice is harmless.
    setLinuxAutostart(dir, '/usr/bin/incident-tray', false)
  })
})
