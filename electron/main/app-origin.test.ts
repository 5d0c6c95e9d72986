import { describe, expect, it } from 'vitest'
import { APP_PAGE, isAppUrl, rendererFile } from './app-origin'

describe('the app’s own origin', () => {
  it('is exactly app://incident-tray/index.html, with any hash', () => {
    expect(APP_PAGE).toBe('app://incident-tray/index.html')
    expect(isAppUrl(APP_PAGE, undefined)).toBe(true)
    expect(isAppUrl(`${APP_PAGE}#quick-note`, undefined)).toBe(true)
  })

  it('refuses lookalikes: file: pages named renderer/index.html, other hosts, paths and schemes', () => {
    for (const url of [
      'file:///opt/app/resources/app.asar/out/renderer/index.html',
      'file://attacker-host/share/renderer/index.html',
      'app://incident-tray.evil/index.html',
      'app://evil/index.html',
      'app://user@incident-tray/index.html',
      'app://incident-tray/other.html',
      'app://incident-tray/index.html?x=1',
      'app://incident-tray:8080/index.html',
      'apps://incident-tray/index.html',
      'https://incident-tray/index.html',
      'about:blank',
      'data:text/html,hi',
      'nonsense',
      '',
    ]) {
      expect(isAppUrl(url, undefined), url).toBe(false)
    }
  })

  it('in development trusts only the dev server’s exact origin', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5173/#quick-note', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:9999/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('http://localhost.evil:5173/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl(APP_PAGE, 'http://localhost:5173')).toBe(false)
  })

  it('serves only files inside the renderer folder, by known type', () => {
    expect(rendererFile('app://incident-tray/index.html')).toEqual({
      relative: 'index.html',
      type: 'text/html; charset=utf-8',
    })
    expect(rendererFile('app://incident-tray/assets/index-x.js')?.relative).toBe(
      'assets/index-x.js',
    )
    // The URL parser already folds dot segments: this names renderer/main/index.js, inside.
    expect(rendererFile('app://incident-tray/../main/index.js')?.relative).toBe('main/index.js')
    for (const url of [
      'app://incident-tray/assets/..%2f..%2fmain%2findex.js',
      'app://incident-tray/assets%5c..%5c..%5cpackage.json',
      'app://incident-tray/.env.json',
      'app://incident-tray/',
      'app://other/index.html',
      'app://incident-tray/x.exe',
      'app://incident-tray/%E0%A4%A',
    ]) {
      expect(rendererFile(url), url).toBeNull()
    }
  })
})
