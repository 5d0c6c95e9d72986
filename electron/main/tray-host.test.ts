import { afterEach, describe, expect, it } from 'vitest'
import { noTrayHost, type RunProgram } from './tray-host'

/** dbus-send's reply to NameHasOwner, as it prints it. */
const reply = (owned: boolean) =>
  `method return time=1700000000.1 sender=org.freedesktop.DBus -> destination=:1.42 serial=3 reply_serial=2\n   boolean ${owned}\n`

function bus(owned: boolean | 'no bus') {
  const asked: string[][] = []
  const run: RunProgram = async (file, args) => {
    asked.push([file, ...args])
    if (owned === 'no bus') throw new Error('Failed to open connection to "session" message bus')
    return reply(owned)
  }
  return { run, asked }
}

const platform = process.platform
afterEach(() => Object.defineProperty(process, 'platform', { value: platform }))
const playLinux = () => Object.defineProperty(process, 'platform', { value: 'linux' })

describe('noTrayHost', () => {
  it('is true on GNOME when no StatusNotifierWatcher is on the session bus', async () => {
    playLinux()
    const { run, asked } = bus(false)
    expect(await noTrayHost({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, run)).toBe(true)
    expect(asked[0]).toContain('string:org.kde.StatusNotifierWatcher')
    expect(
      await noTrayHost({ XDG_SESSION_TYPE: 'wayland', XDG_CURRENT_DESKTOP: 'sway' }, run),
    ).toBe(true)
  })

  it('is false when a host watches (the AppIndicator extension, KDE)', async () => {
    playLinux()
    expect(await noTrayHost({ XDG_CURRENT_DESKTOP: 'GNOME' }, bus(true).run)).toBe(false)
  })

  it('is false when the bus cannot be asked, and off GNOME on X11 (a legacy tray may show it)', async () => {
    playLinux()
    expect(await noTrayHost({ XDG_CURRENT_DESKTOP: 'GNOME' }, bus('no bus').run)).toBe(false)
    const x11 = bus(false)
    expect(
      await noTrayHost({ XDG_SESSION_TYPE: 'x11', XDG_CURRENT_DESKTOP: 'XFCE' }, x11.run),
    ).toBe(false)
    expect(x11.asked).toEqual([])
  })

  it('is false on macOS and Windows, which always have a tray', async () => {
    for (const value of ['darwin', 'win32']) {
      Object.defineProperty(process, 'platform', { value })
      const { run, asked } = bus(false)
      expect(await noTrayHost({ XDG_CURRENT_DESKTOP: 'GNOME' }, run)).toBe(false)
      expect(asked).toEqual([])
    }
  })
})
