import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { tempDir, testHost, ok } from '../../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../../testing/fake-wordpress'
import { FileSecretStore } from '../../testing/file-secrets'

let dir: string
let cleanup: () => void
let wp: FakeWordPress
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  wp = await fakeWordPress()
})
afterEach(async () => {
  await wp.close()
  cleanup()
})

const PASSWORD = 'Zq7x Kp2m Rt9v Wb4n Hy6c Ld3s'

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

it('the application password is in no file, export, backup, notification, clipboard or log line', async () => {
  const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
  const h = testHost(dir, clock)
  const { host } = h
  const logged: string[] = []
  const origError = console.error
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
  try {
    ok(await host.call('settings:update', { you: { name: 'Dana' } }))
    // A refused connect (wrong user) and a good one; both carry the password.
    wp.mode = 'error'
    expect(
      (await host.call('publishing:connect', { url: wp.url, user: 'oncall', password: PASSWORD }))
        .ok,
    ).toBe(false)
    wp.mode = 'ok'
    ok(await host.call('publishing:connect', { url: wp.url, user: 'oncall', password: PASSWORD }))
    const view = ok(await host.call('publishing:get', undefined))
    expect(JSON.stringify(view)).not.toContain(PASSWORD.slice(0, 9))
    const { id } = ok(
      await host.call('incident:record', {
        title: 'Search down',
        severity: 1,
        detection: 'alert',
        recorder: 'Dana',
      }),
    )
    ok(await host.call('publishing:publish', { id, kind: 'post' }))
    wp.mode = 'down'
    ok(await host.call('publishing:publish', { id, kind: 'comment' }))
    wp.mode = 'ok'
    clock.advance(10 * 60_000)
    for (const output of ['p2-post', 'p2-comment', 'slack'] as const)
      ok(await host.call('comms:copy', { id, output }))
    ok(await host.call('incident:export', { id }))
    ok(await host.call('backup:export', undefined))
    clock.advance(24 * 60 * 60_000)
  } finally {
    console.error = origError
  }
  host.close()

  const needles = [PASSWORD, PASSWORD.replace(/\s/g, '')]
  const texts: [string, string][] = []
  for (const path of filesUnder(dir)) {
    const bytes = readFileSync(path)
    if (path.endsWith('.zip')) {
      for (const [name, entry] of Object.entries(unzipSync(new Uint8Array(bytes))))
        texts.push([`${path}:${name}`, Buffer.from(entry).toString('utf8')])
    } else texts.push([path, bytes.toString('utf8')])
  }
  expect(texts.some(([p]) => p.endsWith('settings.json'))).toBe(true)
  expect(texts.some(([p]) => p.endsWith('.zip:settings.json'))).toBe(true)
  expect(texts.some(([p]) => p.endsWith('events.jsonl'))).toBe(true)
  texts.push(['clipboard', JSON.stringify(h.clipboard)])
  texts.push(['notifications', JSON.stringify(h.notifications)])
  texts.push(['log', logged.join('\n')])
  texts.push(['site', JSON.stringify({ posts: wp.posts, comments: wp.comments })])
  for (const [where, text] of texts)
    for (const needle of needles)
      expect(text.includes(needle), `password found in ${where}`).toBe(false)
  // It is kept, but only through the keychain port (here its scrambled stand-in, secrets.json in
  // the data folder like the app's safeStorage file), and never in a backup.
  const kept = new FileSecretStore(join(dir, 'secrets.json')).get('publishing-credential')
  expect(JSON.parse(kept!)).toEqual({ site: wp.url, user: 'oncall', password: PASSWORD })
  expect(texts.some(([p]) => p.endsWith('.zip:secrets.json'))).toBe(false)
})
