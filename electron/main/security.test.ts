import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_PAGE, isAppUrl } from './app-origin'
import { createGuards } from './guards'
import { failureWindowOptions } from './startup-failure'
import { quickNoteWindowOptions, scratchpadWindowOptions } from './window-options'

/**
 * The secure defaults in one place: a change that weakens any of them fails here, whatever else
 * it was meant to do. (The built app proves the same at run time in e2e/app/security.spec.ts.)
 */
const ROOT = join(import.meta.dirname, '../..')
const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
}

describe('secure defaults', () => {
  it('every window keeps context isolation, the sandbox and no Node', () => {
    const windows = {
      scratchpad: scratchpadWindowOptions('/app/out/preload/index.cjs'),
      quickNote: quickNoteWindowOptions('/app/out/preload/index.cjs'),
      failure: failureWindowOptions(),
    }
    for (const [name, options] of Object.entries(windows)) {
      expect(options.webPreferences, name).toMatchObject(SECURE)
      const prefs = options.webPreferences as Record<string, unknown>
      for (const risky of [
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webviewTag',
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'enableBlinkFeatures',
      ]) {
        expect(prefs[risky] ?? false, `${name}.${risky}`).toBe(false)
      }
      expect(prefs.webSecurity ?? true, `${name}.webSecurity`).toBe(true)
    }
    expect(windows.quickNote.webPreferences?.preload).toBe(
      windows.scratchpad.webPreferences?.preload,
    )
  })

  it('no source turns a secure default off', () => {
    const main = ['index.ts', 'window-options.ts', 'startup-failure.ts', 'app-protocol.ts']
      .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
      .join('\n')
    expect(main).not.toMatch(
      /sandbox:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false|webSecurity:\s*false/,
    )
    expect(main).not.toMatch(/allowRunningInsecureContent:\s*true|webviewTag:\s*true/)
    expect(main).not.toMatch(/bypassCSP|corsEnabled:\s*true/)
  })

  it('trusts one exact page: lookalike hosts, paths and file: pages are not the app', () => {
    const guards = createGuards(undefined, () => undefined)
    for (const url of [
      'file:///opt/Incident Tray/resources/app.asar/out/renderer/index.html',
      'file://attacker-host/share/renderer/index.html',
      'app://incident-tray.attacker/index.html',
      'app://incident-tray/../index.html?x',
      'app://incident-tray/renderer/index.html',
    ]) {
      let prevented = false
      guards.willNavigate({ preventDefault: () => (prevented = true) }, url)
      expect(prevented, url).toBe(true)
      expect(isAppUrl(url, undefined), url).toBe(false)
    }
    expect(isAppUrl(APP_PAGE, undefined)).toBe(true)
  })

  it('the app protocol is privileged, permissions are all denied, the dev server is for development only', () => {
    const protocol = readFileSync(join(import.meta.dirname, 'app-protocol.ts'), 'utf8')
    expect(protocol).toMatch(/standard: true, secure: true/)
    expect(protocol).toMatch(
      /setPermissionRequestHandler\(\(_contents, _permission, callback\) =>\s*callback\(false\)/,
    )
    expect(protocol).toMatch(/setPermissionCheckHandler\(\(\) => false\)/)
    const index = readFileSync(join(import.meta.dirname, 'index.ts'), 'utf8')
    expect(index).toMatch(/app\.isPackaged \? undefined : process\.env\.ELECTRON_RENDERER_URL/)
    expect(index).not.toMatch(/loadFile\(/)
    expect(index).toMatch(/denyAllPermissions\(\)/)
  })

  it('the packaged app’s fuses stay set (electron-builder.yml; npm run test:package checks the binary)', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    const fuses = Object.fromEntries(
      [...yml.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']),
    )
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
})
