import { describe, expect, it } from 'vitest'
import { APP_PAGE, isAppUrl } from './app-origin'
import { createGuards } from './guards'
import { failureWindowOptions } from './startup-failure'
import { quickNoteWindowOptions, scratchpadWindowOptions } from './window-options'

/**
 * The secure defaults in one place: a change that weakens any of them fails here, whatever else
 * it was meant to do. The built app proves them at run time: every window it opens and its page's
 * policy in e2e/app/secure-defaults.spec.ts; the app:// page, denied permissions and the ignored
 * dev server in e2e/app/security.spec.ts; the packaged fuses in `npm run test:package`.
 */
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
})
