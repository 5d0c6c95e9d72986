import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { APP_USER_MODEL_ID, desktopEntryInstalled, desktopName } from './platform'

const ROOT = join(import.meta.dirname, '../..')
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('the app identity the installers use', () => {
  it("is electron-builder's appId: the Windows shortcut's AppUserModelID", () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    expect(/^appId:\s*(\S+)/m.exec(yml)?.[1]).toBe(APP_USER_MODEL_ID)
    // The .desktop file electron-builder installs is named after desktopName.
    expect(yml).toMatch(/^ {2}syncDesktopName: true$/m)
  })

  it('names the .desktop file after the same reverse-DNS id', () => {
    expect(desktopName(ROOT)).toBe(`${APP_USER_MODEL_ID}.desktop`)
  })
})

describe('desktopEntryInstalled', () => {
  it('looks in XDG_DATA_HOME, then each of XDG_DATA_DIRS', () => {
    const home = mkdtempSync(join(tmpdir(), 'xdg-'))
    dirs.push(home)
    const env = {
      XDG_DATA_HOME: join(home, 'user'),
      XDG_DATA_DIRS: `${join(home, 'a')}:${join(home, 'b')}`,
    }
    expect(desktopEntryInstalled('org.example.app.desktop', env)).toBe(false)
    mkdirSync(join(home, 'b', 'applications'), { recursive: true })
    writeFileSync(join(home, 'b', 'applications', 'org.example.app.desktop'), '')
    expect(desktopEntryInstalled('org.example.app.desktop', env)).toBe(true)
    expect(desktopEntryInstalled('org.example.app', env)).toBe(true)
    expect(desktopEntryInstalled(undefined, env)).toBe(false)
  })
})
