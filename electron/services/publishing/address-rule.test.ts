import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkSiteAddress } from '../../domain/settings/site-address'
import { ManualClock } from '../clock'
import { ok, pickFile, tempDir, testHost } from '../../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../../testing/fake-wordpress'

let dirs: { dir: string; cleanup: () => void }[]
let wp: FakeWordPress
beforeEach(async () => {
  dirs = []
  wp = await fakeWordPress()
})
afterEach(async () => {
  await wp.close()
  for (const d of dirs) d.cleanup()
})
const newDir = () => {
  const d = tempDir()
  dirs.push(d)
  return d.dir
}
const clock = () => new ManualClock(new Date('2026-11-23T14:00:00Z'))

const REFUSED = [
  ['http://p2.example.org', /https:\/\/.*unencrypted/],
  ['http://10.0.0.5:8080', /unencrypted/],
  ['http://[::ffff:10.0.0.5]', /unencrypted/],
  ['javascript:alert(1)', /must start with https:\/\//],
  ['file:///etc/passwd', /must start with https:\/\//],
  ['ftp://p2.example.org', /must start with https:\/\//],
  ['https://oncall:secret@p2.example.org', /cannot hold a user name or password/],
  ['p2.example.org', /must be a web address/],
] as const

describe('one rule for the site address', () => {
  it('passes https anywhere and http only on loopback addresses', () => {
    for (const good of [
      'https://p2.example.org/',
      'http://127.0.0.1:8089',
      'http://127.3.4.5',
      'http://localhost:3000/wp',
      'http://[::1]:8080',
    ])
      expect(checkSiteAddress(good).ok, good).toBe(true)
    expect(checkSiteAddress(' https://p2.example.org/blog/?x=1#y ')).toEqual({
      ok: true,
      address: 'https://p2.example.org/blog',
    })
    for (const [bad, why] of REFUSED) {
      const checked = checkSiteAddress(bad)
      expect(checked.ok, bad).toBe(false)
      if (!checked.ok) expect(checked.problem, bad).toMatch(why)
    }
  })

  it('Connect refuses http to a remote host, javascript: and file:, and takes a loopback site', async () => {
    const { host } = testHost(newDir(), clock())
    for (const [url, why] of REFUSED) {
      const r = await host.call('publishing:connect', { url, user: 'oncall', password: 'pw' })
      expect(r.ok, url).toBe(false)
      if (!r.ok) expect(r.error.message, url).toMatch(why)
    }
    ok(await host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'pw' }))
    const localhost = wp.url.replace('127.0.0.1', 'localhost')
    ok(await host.call('publishing:connect', { url: localhost, user: 'oncall', password: 'pw' }))
    host.close()
  })

  it('settings:update holds the address to the same rule and writes nothing it refuses', async () => {
    const dir = newDir()
    const { host } = testHost(dir, clock())
    ok(await host.call('settings:update', { publishing: { url: 'https://p2.example.org' } }))
    const before = readFileSync(join(dir, 'settings.json'), 'utf8')
    for (const [url, why] of REFUSED) {
      const r = await host.call('settings:update', { publishing: { url } })
      expect(r.ok, url).toBe(false)
      if (!r.ok) expect(r.error.message, url).toMatch(why)
    }
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before)
    // Empty is "not connected".
    ok(await host.call('settings:update', { publishing: { url: '' } }))
    host.close()
  })

  it('a refused address in settings.json is cleared at start with a notice; the rest is kept', async () => {
    const dir = newDir()
    const first = testHost(dir, clock())
    ok(await first.host.call('settings:update', { you: { name: 'Dana' } }))
    first.host.close()
    const file = join(dir, 'settings.json')
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>
    raw.publishing = { url: 'http://p2.example.org', user: 'oncall' }
    writeFileSync(file, JSON.stringify(raw))
    const { host } = testHost(dir, clock())
    const settings = host.snapshot().settings
    expect(settings.publishing).toMatchObject({ url: '', user: 'oncall' })
    expect(settings.you.name).toBe('Dana')
    expect(
      host
        .snapshot()
        .notices.map((n) => n.message)
        .join('\n'),
    ).toMatch(/http:\/\/p2\.example\.org.*unencrypted/)
    host.close()
  })

  it('a backup whose settings name a refused address restores, and the address here stays', async () => {
    const from = testHost(newDir(), clock())
    ok(await from.host.call('settings:update', { you: { name: 'Sam' } }))
    const { path } = ok(await from.host.call('backup:export', undefined))
    from.host.close()
    const files = unzipSync(new Uint8Array(readFileSync(path!)))
    const settings = JSON.parse(strFromU8(files['settings.json']!)) as Record<string, unknown>
    settings.publishing = { url: 'javascript:alert(1)', user: 'x' }
    files['settings.json'] = strToU8(JSON.stringify(settings))
    writeFileSync(path!, zipSync(files))

    const h = testHost(newDir(), clock())
    ok(await h.host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'pw' }))
    const done = ok(
      await h.host.call('backup:import', { file: await pickFile(h, path!), restoreSettings: true }),
    )
    expect(done.settingsRestored).toBe(true)
    expect(h.host.snapshot().settings.you.name).toBe('Sam')
    expect(h.host.snapshot().settings.publishing.url).toBe(wp.url)
    h.host.close()
  })
})
