import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { linkKind } from '../domain/incident/input-rules'
import { scratchpadWindowOptions } from './window-options'

const isSafeExternalUrl = (url: string) => linkKind(url) === 'https'

describe('window security', () => {
  it('keeps Electron’s secure defaults in the scratchpad window', () => {
    const prefs = scratchpadWindowOptions('/app/out/preload/index.cjs').webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(prefs?.preload?.endsWith('.cjs')).toBe(true)
  })

  it('ships a strict CSP in the page: own scripts only, no eval, no network', () => {
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    )
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['connect-src']).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
  })

  it('opens only https links outside, and navigates only within the app', () => {
    expect(isSafeExternalUrl('https://github.com/WordPress/openverse')).toBe(true)
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://x',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false)
    }
  })
})
