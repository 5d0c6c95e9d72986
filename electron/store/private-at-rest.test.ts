import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok, pickFile, samplePng, tempDir, testHost } from '../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../testing/fake-wordpress'
import { FileSecretStore } from '../testing/file-secrets'
import { tightenDataFolder } from './private-files'

let root: string
let cleanup: () => void
let wp: FakeWordPress
let oldUmask: number
beforeEach(async () => {
  ;({ dir: root, cleanup } = tempDir())
  wp = await fakeWordPress()
  // The usual desktop umask: without care, folders come out 0755 and files 0644.
  oldUmask = process.umask(0o022)
})
afterEach(async () => {
  process.umask(oldUmask)
  await wp.close()
  cleanup()
})

/** Every folder and file under `dir` (the folder itself first) with its permission bits. */
function modes(dir: string): [string, string][] {
  const out: [string, string][] = [[dir, (statSync(dir).mode & 0o777).toString(8)]]
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...modes(path))
    else out.push([path, (statSync(path).mode & 0o777).toString(8)])
  }
  return out
}

/** A data folder with something of everything: logs, an image, settings, the kept password. */
async function fill(dataDir: string) {
  const h = testHost(dataDir)
  ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
  ok(await h.host.call('publishing:connect', { url: wp.url, user: 'oncall', password: 'pw' }))
  const { id } = ok(
    await h.host.call('incident:record', {
      title: 'Search down',
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  ok(
    await h.host.call('attachment:add', {
      incidentId: id,
      png: samplePng().toString('base64'),
      caption: 'Graph',
    }),
  )
  return h
}

describe.skipIf(process.platform === 'win32')('the data folder is private to its owner', () => {
  it('creates every folder 0700 and every file 0600', async () => {
    const dataDir = join(root, 'data')
    const h = await fill(dataDir)
    // A restored backup's incidents too.
    const { path } = ok(await h.host.call('backup:export', undefined))
    const other = join(root, 'other')
    h.host.close()
    const b = testHost(other)
    ok(
      await b.host.call('backup:import', { file: await pickFile(b, path!), restoreSettings: true }),
    )
    b.host.close()
    for (const folder of [dataDir, other]) {
      const all = modes(folder).filter(([p]) => !p.includes(`${folder}/exports`))
      expect(all.some(([p]) => p.endsWith('events.jsonl'))).toBe(true)
      expect(all.some(([p]) => p.endsWith('.png'))).toBe(true)
      expect(all.some(([p]) => p.endsWith('settings.json'))).toBe(true)
      for (const [p, mode] of all) expect(mode, p).toBe(statSync(p).isDirectory() ? '700' : '600')
    }
    expect(modes(dataDir).some(([p]) => p.endsWith('secrets.json'))).toBe(true)
  })

  it('tightens a folder written before, at start-up, without a notice', async () => {
    const dataDir = join(root, 'data')
    ;(await fill(dataDir)).host.close()
    for (const [p] of modes(dataDir)) chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644)
    mkdirSync(join(dataDir, 'stray'), { mode: 0o777 })
    writeFileSync(join(dataDir, 'stray', 'note.txt'), 'x', { mode: 0o666 })
    const h = testHost(dataDir)
    for (const [p, mode] of modes(dataDir).filter(([p]) => !p.includes('/exports')))
      expect(mode, p).toBe(statSync(p).isDirectory() ? '700' : '600')
    expect(h.host.snapshot().notices.map((n) => n.message)).toEqual([])
    h.host.close()
  })

  it('says so when a file cannot be tightened, and tries again at the next start', () => {
    const dataDir = join(root, 'data')
    mkdirSync(join(dataDir, 'incidents'), { recursive: true, mode: 0o755 })
    writeFileSync(join(dataDir, 'settings.json'), '{}', { mode: 0o644 })
    const refuse = (path: string, mode: number) => {
      if (path.endsWith('settings.json')) throw new Error('EPERM')
      chmodSync(path, mode)
    }
    const notices = tightenDataFolder(dataDir, refuse, 'linux')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/could not be made private to you \(.*settings\.json\)/)
    expect(statSync(dataDir).mode & 0o777).toBe(0o755)
    expect(tightenDataFolder(dataDir)).toEqual([])
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    expect(statSync(join(dataDir, 'settings.json')).mode & 0o777).toBe(0o600)
  })

  it('writes secrets.json whole through a new file (atomically), never in place', async () => {
    const path = join(root, 'secrets.json')
    const secrets = new FileSecretStore(path)
    secrets.set('a', 'one')
    const before = statSync(path).ino
    secrets.set('b', 'two')
    expect(statSync(path).ino).not.toBe(before)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readdirSync(root).filter((n) => n.startsWith('secrets.json'))).toEqual(['secrets.json'])
    expect([secrets.get('a'), secrets.get('b')]).toEqual(['one', 'two'])
  })
})
