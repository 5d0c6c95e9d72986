import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { ok, pickFile, tempDir, testHost } from '../../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../../testing/fake-wordpress'
import { FileSecretStore } from '../../testing/file-secrets'

/**
 * The kept password belongs to the site and user it was given for. `stranger` is a second local
 * server standing for any other address: whatever moves the address there (Settings, a restored
 * backup, a hand-edited settings.json), it must never see an Authorization header.
 */
let dirs: { dir: string; cleanup: () => void }[]
let wp: FakeWordPress
let stranger: FakeWordPress
beforeEach(async () => {
  dirs = []
  wp = await fakeWordPress()
  stranger = await fakeWordPress()
})
afterEach(async () => {
  await wp.close()
  await stranger.close()
  for (const d of dirs) d.cleanup()
})
const newDir = () => {
  const d = tempDir()
  dirs.push(d)
  return d.dir
}
const clock = () => new ManualClock(new Date('2026-11-23T14:00:00Z'))

async function connected(dir = newDir()) {
  const h = testHost(dir, clock())
  ok(await h.host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'pw-1' }))
  return { ...h, dir }
}

/** Every way the kept password could be used: the view, Test connection, a publish. */
async function tryEverything(h: Awaited<ReturnType<typeof connected>>) {
  expect(ok(await h.host.call('publishing:get', undefined)).hasPassword).toBe(false)
  expect((await h.host.call('publishing:test', undefined)).ok).toBe(false)
  const { id } = ok(
    await h.host.call('incident:record', {
      title: 'Search down',
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  const out = ok(await h.host.call('publishing:publish', { id, kind: 'post' }))
  expect(out.outcome).toBe('queued')
  h.clock.advance(60 * 60_000)
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
}

describe('the kept password stays with its site and user', () => {
  it('a new address in Settings never receives it', async () => {
    const h = await connected()
    ok(await h.host.call('settings:update', { publishing: { url: stranger.url } }))
    await tryEverything(h)
    expect(stranger.signedIn).toEqual([])
    // Gone, not only hidden: setting the old address back does not bring it back.
    ok(await h.host.call('settings:update', { publishing: { url: wp.url } }))
    expect(ok(await h.host.call('publishing:get', undefined)).hasPassword).toBe(false)
    h.host.close()
  })

  it('another user name in Settings makes it unusable too', async () => {
    const h = await connected()
    const before = wp.signedIn.length
    ok(await h.host.call('settings:update', { publishing: { user: 'admin' } }))
    await tryEverything(h)
    expect(wp.signedIn.length).toBe(before)
    h.host.close()
  })

  it('a restored backup keeps the publishing section here, and the password with it', async () => {
    // The backup comes from a machine set up for another site.
    const other = testHost(newDir(), clock())
    ok(
      await other.host.call('publishing:connect', {
        url: stranger.url,
        user: 'oncall',
        password: 'x',
      }),
    )
    ok(await other.host.call('settings:update', { you: { name: 'Sam' } }))
    const { path } = ok(await other.host.call('backup:export', undefined))
    other.host.close()
    stranger.requests.length = 0
    stranger.signedIn.length = 0

    const h = await connected()
    const done = ok(
      await h.host.call('backup:import', { file: await pickFile(h, path!), restoreSettings: true }),
    )
    expect(done.settingsRestored).toBe(true)
    const settings = h.host.snapshot().settings
    expect(settings.you.name).toBe('Sam')
    expect(settings.publishing.url).toBe(wp.url)
    ok(await h.host.call('publishing:test', undefined))
    expect(stranger.requests).toEqual([])
    expect(stranger.signedIn).toEqual([])
    h.host.close()
  })

  it('a hand-edited settings.json with another address never receives it', async () => {
    const h = await connected()
    h.host.close()
    const file = join(h.dir, 'settings.json')
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { publishing: { url: string } }
    raw.publishing.url = stranger.url
    writeFileSync(file, JSON.stringify(raw))
    const again = testHost(h.dir, clock())
    await tryEverything({ ...again, dir: h.dir })
    expect(stranger.signedIn).toEqual([])
    again.host.close()
  })

  it('a password kept before it was bound belongs to the address and user in settings.json at the first start', async () => {
    const dir = newDir()
    const first = testHost(dir, clock())
    ok(await first.host.call('settings:update', { publishing: { url: wp.url, user: 'oncall' } }))
    first.host.close()
    // As the previous version kept it: one password, bound to nothing.
    new FileSecretStore(join(dir, 'secrets.json')).set('publishing-password', 'pw-old')
    const h = testHost(dir, clock())
    expect(ok(await h.host.call('publishing:get', undefined)).hasPassword).toBe(true)
    ok(await h.host.call('publishing:test', undefined))
    expect(wp.signedIn).toContain('GET /wp/v2/users/me')
    h.host.close()
    // From then on it is bound: a hand-edited address does not take it along.
    const file = join(dir, 'settings.json')
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { publishing: { url: string } }
    raw.publishing.url = stranger.url
    writeFileSync(file, JSON.stringify(raw))
    const again = testHost(dir, clock())
    await tryEverything({ ...again, dir })
    expect(stranger.signedIn).toEqual([])
    expect(new FileSecretStore(join(dir, 'secrets.json')).get('publishing-password')).toBeNull()
    again.host.close()
  })
})
