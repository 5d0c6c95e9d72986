import { describe, expect, it } from 'vitest'
import { ok } from '../shared/result'
import { createGuards } from './guards'

const APP = 'app://incident-tray/index.html'
/** What the old check let through: any file: page named renderer/index.html, even on a share. */
const LOOKALIKE = 'file://attacker-host/share/renderer/index.html'

describe('navigation, window.open and IPC guards', () => {
  const opened: string[] = []
  const guards = createGuards(undefined, (url) => opened.push(url))

  it('blocks navigation away from the app', () => {
    const prevented: string[] = []
    for (const url of [
      'https://evil.test/',
      'file:///etc/passwd',
      'http://localhost:3000/',
      LOOKALIKE,
      APP,
      `${APP}#quick-note`,
    ]) {
      guards.willNavigate({ preventDefault: () => prevented.push(url) }, url)
    }
    expect(prevented).toEqual([
      'https://evil.test/',
      'file:///etc/passwd',
      'http://localhost:3000/',
      LOOKALIKE,
    ])
  })

  it('denies every new window and opens only https links in the system browser', () => {
    for (const url of [
      'https://github.com/WordPress/openverse',
      'http://example.com',
      'file:///tmp/x',
      'javascript:alert(1)',
    ]) {
      expect(guards.windowOpen({ url })).toEqual({ action: 'deny' })
    }
    expect(opened).toEqual(['https://github.com/WordPress/openverse'])
  })

  it('opens an http link only after the user confirms', async () => {
    const asked: string[] = []
    const out: string[] = []
    let answer = false
    const g = createGuards(
      undefined,
      (url) => out.push(url),
      async (url) => {
        asked.push(url)
        return answer
      },
    )
    expect(g.windowOpen({ url: 'http://intranet.example/a' })).toEqual({ action: 'deny' })
    answer = true
    g.windowOpen({ url: 'http://intranet.example/b' })
    g.windowOpen({ url: 'smb://host/share' })
    await Promise.resolve()
    await Promise.resolve()
    expect(asked).toEqual(['http://intranet.example/a', 'http://intranet.example/b'])
    expect(out).toEqual(['http://intranet.example/b'])
  })

  it('refuses IPC from any sender but the app’s own page, before the host sees it', async () => {
    const seen: string[] = []
    const dispatch = guards.guardedDispatch(async (channel) => {
      seen.push(channel)
      return ok(null)
    })
    const foreign = await dispatch('state:get', 'https://evil.test/', undefined)
    const none = await dispatch('state:get', undefined, undefined)
    const lookalike = await dispatch('state:get', LOOKALIKE, undefined)
    expect(lookalike.ok).toBe(false)
    const own = await dispatch('state:get', APP, undefined)
    expect(foreign).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only the app’s own windows may call the app.' },
    })
    expect(none.ok).toBe(false)
    expect(own.ok).toBe(true)
    expect(seen).toEqual(['state:get'])
  })

  it('in development trusts only the dev server’s origin', async () => {
    const dev = createGuards('http://localhost:5173', () => undefined)
    const dispatch = dev.guardedDispatch(async () => ok(null))
    expect((await dispatch('state:get', 'http://localhost:5173/', undefined)).ok).toBe(true)
    expect((await dispatch('state:get', 'http://localhost:5174/', undefined)).ok).toBe(false)
  })
})
