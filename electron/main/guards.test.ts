import { describe, expect, it } from 'vitest'
import { ok } from '../shared/result'
import { createGuards } from './guards'

const APP = 'file:///opt/Incident Tray/resources/app.asar/out/renderer/index.html'

describe('navigation, window.open and IPC guards', () => {
  const opened: string[] = []
  const guards = createGuards(undefined, (url) => opened.push(url))

  it('blocks navigation away from the app', () => {
    const prevented: string[] = []
    for (const url of ['https://evil.test/', 'file:///etc/passwd', 'http://localhost:3000/', APP]) {
      guards.willNavigate({ preventDefault: () => prevented.push(url) }, url)
    }
    expect(prevented).toEqual([
      'https://evil.test/',
      'file:///etc/passwd',
      'http://localhost:3000/',
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

  it('refuses IPC from any sender but the app’s own page, before the host sees it', async () => {
    const seen: string[] = []
    const dispatch = guards.guardedDispatch(async (channel) => {
      seen.push(channel)
      return ok(null)
    })
    const foreign = await dispatch('state:get', 'https://evil.test/', undefined)
    const none = await dispatch('state:get', undefined, undefined)
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
