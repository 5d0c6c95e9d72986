import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { UserError } from '../domain/incident/errors'
import { pickFile, tempDir, testHost } from '../testing/fixtures'
import { entryKind, MANIFEST, unzipBackup } from './backup-unzip'

const ID = '00000000-0000-4000-8000-000000000001'
const manifest = (ids: string[]) =>
  strToU8(
    JSON.stringify({
      format: 'incident-tray-backup',
      version: 1,
      createdAt: '2026-11-23T14:00:00.000Z',
      incidents: ids.map((id) => ({ id, title: 'x', events: 1, images: 0 })),
    }),
  )
const zeros = (mb: number) => new Uint8Array(mb * 1024 * 1024)

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(UserError)
    expect((err as UserError).code).toBe('damaged-backup')
    return (err as UserError).message
  }
  throw new Error('not refused')
}

describe('unzipBackup', () => {
  it('admits only the names the backup format defines', () => {
    expect(entryKind(MANIFEST)).toBe('manifest')
    expect(entryKind('settings.json')).toBe('settings')
    expect(entryKind(`incidents/${ID}/events.jsonl`)).toBe('log')
    expect(entryKind(`incidents/${ID}/attachments/a1.png`)).toBe('image')
    for (const name of [
      'notes.txt',
      `incidents/${ID}/events.jsonl.torn-1`,
      `incidents/../events.jsonl`,
      `incidents/${ID}/attachments/../../x.png`,
      `incidents/${ID}/attachments/a.exe`,
      `/etc/passwd`,
      `incidents/${ID}/x/events.jsonl`,
    ]) {
      expect(entryKind(name), name).toBeNull()
    }
    expect(
      refusal(() => unzipBackup(zipSync({ [MANIFEST]: manifest([]), 'notes.txt': strToU8('hi') }))),
    ).toMatch('it holds a file a backup never has (notes.txt)')
    // Folder entries (a backup zipped again by hand) are no files: passed over.
    const files = unzipBackup(
      zipSync({ [MANIFEST]: manifest([]), 'incidents/': new Uint8Array(0) }),
    )
    expect([...files.keys()]).toEqual([MANIFEST])
  })

  it('refuses entries the format does not name without inflating them: 40 of them cost nothing', () => {
    const bomb: Zippable = { [MANIFEST]: manifest([]) }
    for (let i = 0; i < 40; i++) bomb[`junk-${i}.bin`] = zeros(2)
    const bytes = zipSync(bomb, { level: 9 })
    const started = performance.now()
    expect(refusal(() => unzipBackup(bytes))).toMatch('a backup never has (junk-0.bin)')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('counts the bytes an entry really inflates to, whatever it declares, and stops at the cap', () => {
    // 80 MB of zeros under a name the format defines: over the 64 MB a log may unpack to.
    const bytes = zipSync(
      { [MANIFEST]: manifest([ID]), [`incidents/${ID}/events.jsonl`]: zeros(80) },
      { level: 9 },
    )
    // Declared sizes lie in a hostile archive: say 1 KB in the local header.
    const lying = new Uint8Array(bytes)
    const view = new DataView(lying.buffer)
    for (let at = 0; at < lying.length - 4; at++) {
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 1024, true)
    }
    for (const archive of [bytes, lying]) {
      expect(refusal(() => unzipBackup(archive))).toMatch(
        /events\.jsonl unpacks to more than 64 MB|unpacks to more than \d+ MB, far more than a backup of its size/,
      )
    }
  })

  it('stops a whole archive that unpacks to far more than its size allows', () => {
    const files: Zippable = { [MANIFEST]: manifest([]) }
    for (let i = 0; i < 6; i++) files[`incidents/${ID}/attachments/a${i}.png`] = zeros(20)
    const message = refusal(() => unzipBackup(zipSync(files, { level: 9 })))
    expect(message).toMatch(/it unpacks to more than \d+ MB, far more than a backup of its size/)
  })

  it('refuses an entry that appears twice, a truncated archive and one that is not a zip', () => {
    const once = zipSync({ [MANIFEST]: manifest([]), 'settings.json': strToU8('{}') })
    // The same settings entry again, after the first (a second local header with the same name).
    const twice = new Uint8Array(once.length * 2)
    twice.set(once)
    twice.set(once, once.length)
    expect(refusal(() => unzipBackup(twice))).toMatch(/holds .* twice/)
    expect(refusal(() => unzipBackup(once.subarray(0, 60)))).toMatch(/not a readable zip|cut off/)
    expect(() => unzipBackup(strToU8('PK this is not really a zip'))).not.toThrow()
  })
})

type LinkContent = { url: string; title: string }

describe('importing a hostile backup', () => {
  const dirs: { cleanup(): void }[] = []
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()))
  const newDir = () => {
    const d = tempDir()
    dirs.push(d)
    return d.dir
  }
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }

  async function exported() {
    const a = testHost(newDir())
    const rec = must(
      await a.host.call('incident:record', {
        title: 'API down',
        severity: 1,
        detection: 'alert',
        recorder: 'Dana',
      }),
    )
    await a.host.call('timeline:add', {
      incidentId: rec.id,
      entry: { kind: 'link', title: 'Dash', url: 'https://grafana.example.org/d/1' },
    })
    await a.host.call('settings:update', { openAtLogin: true })
    const path = must(await a.host.call('backup:export', undefined)).path!
    return { id: rec.id, files: unzipSync(readFileSync(path)) }
  }

  it('runs every imported line through the store’s event schemas', async () => {
    const { id, files } = await exported()
    const logName = `incidents/${id}/events.jsonl`
    const lines = strFromU8(files[logName]!).trim().split('\n')
    const variants: [string, (line: Record<string, unknown>) => void, RegExp][] = [
      [
        'javascript: link',
        (l) => ((l.content as LinkContent).url = 'javascript:alert(1)'),
        /content\.url must be an https/,
      ],
      [
        'smb: link',
        (l) => ((l.content as LinkContent).url = 'smb://host/share'),
        /content\.url must be an https/,
      ],
      ['no at', (l) => delete l.at, /entry\.added: at /],
      ['content null', (l) => (l.content = null), /entry\.added: content/],
      [
        '5 MB title',
        (l) => ((l.content as LinkContent).title = 'x'.repeat(5_000_000)),
        /content\.title/,
      ],
      [
        'unknown type',
        (l) => (l.type = 'entry.exploded'),
        /newer version of Incident Tray \("entry\.exploded"\)/,
      ],
    ]
    const to = newDir()
    const b = testHost(to)
    for (const [name, change, why] of variants) {
      const line = JSON.parse(lines[1]!) as Record<string, unknown>
      change(line)
      const log = [lines[0], JSON.stringify(line), ...lines.slice(2)].join('\n') + '\n'
      const path = join(to, `${name}.zip`)
      writeFileSync(path, zipSync({ ...files, [logName]: strToU8(log) }))
      const result = await b.host.call('backup:inspect', { file: await pickFile(b, path) })
      expect(result.ok, name).toBe(false)
      if (!result.ok) expect(result.error.message, name).toMatch(why)
    }
    expect(b.host.snapshot().incidents).toEqual([])
  })

  it('refuses a manifest that lists an incident twice, and writes nothing', async () => {
    const { id, files } = await exported()
    const m = JSON.parse(strFromU8(files[MANIFEST]!)) as { incidents: unknown[] }
    m.incidents.push(m.incidents[0])
    const to = newDir()
    const b = testHost(to)
    const path = join(to, 'dup.zip')
    writeFileSync(path, zipSync({ ...files, [MANIFEST]: strToU8(JSON.stringify(m)) }))
    const result = await b.host.call('backup:import', { file: await pickFile(b, path) })
    expect(result.ok ? null : result.error.message).toMatch(`it lists incident ${id} twice`)
    expect(b.host.snapshot().incidents).toEqual([])
  })

  it('applies restored settings, the login item included', async () => {
    const { files } = await exported()
    const to = newDir()
    const b = testHost(to)
    const path = join(to, 'good.zip')
    writeFileSync(path, zipSync(files))
    expect(b.desktop.openAtLogin).toBe(false)
    must(await b.host.call('backup:inspect', { file: await pickFile(b, path) }))
    const report = must(
      await b.host.call('backup:import', { file: await pickFile(b, path), restoreSettings: true }),
    )
    expect(report.settingsRestored).toBe(true)
    expect(b.desktop.openAtLogin).toBe(true)
    expect(b.host.snapshot().incidents.map((i) => i.title)).toEqual(['API down'])
  })

  it('reads only what a dialog chose: a raw path or a made-up token is refused', async () => {
    const t = testHost(newDir())
    const raw = await t.host.call('backup:inspect', { file: '/etc/passwd' })
    expect(raw.ok ? null : raw.error.code).toBe('invalid-input')
    const madeUp = await t.host.call('backup:inspect', { file: crypto.randomUUID() })
    expect(madeUp.ok ? null : madeUp.error.message).toMatch(/^Choose the file again/)
    const folder = await t.host.call('runbook:import', { folder: crypto.randomUUID() })
    expect(folder.ok ? null : folder.error.message).toMatch(/^Choose the folder again/)
    // A file token is no folder token, and a cancelled dialog gives none.
    const file = await pickFile(t, '/etc')
    const crossed = await t.host.call('runbook:import', { folder: file })
    expect(crossed.ok ? null : crossed.error.code).toBe('pick-again')
    const cancelled = await t.host.call('backup:pickFile', undefined)
    expect(cancelled.ok && cancelled.value).toEqual({ token: null, path: null })
  })

  it('refuses a file over 2 GB by its size, before reading it', async () => {
    const to = newDir()
    const b = testHost(to)
    const path = join(to, 'huge.zip')
    writeFileSync(path, '')
    // A sparse file: 3 GB on paper, nothing on disk.
    const { truncateSync } = await import('node:fs')
    truncateSync(path, 3 * 1024 ** 3)
    const result = await b.host.call('backup:inspect', { file: await pickFile(b, path) })
    expect(result.ok ? null : result.error.message).toMatch(
      /more than the 2048 MB \(2 GB\) a backup may be/,
    )
  })
})
