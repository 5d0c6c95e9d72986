import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { UserError } from '../domain/incident/errors'
import { IncidentId } from '../domain/incident/ids'
import { ATTACHMENT_NAME } from '../store/attachments'
import { IncidentStore } from '../store/incident-store'
import { pastBackupEntries, pastIncidentLog } from '../testing/archive'
import { pickFile, samplePng, tempDir, testHost } from '../testing/fixtures'
import { applyImport, checkBackup, planImport, type BackupProgress } from './backup'
import { MANIFEST, unzipBackup } from './backup-unzip'
import { backupWorker } from './backup-worker-client'

const dirs: { cleanup(): void }[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()))
const newDir = () => {
  const d = tempDir()
  dirs.push(d)
  return d.dir
}

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

/** The fastest of three runs, in ms. */
function fastest(run: () => unknown): number {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    run()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

const zipOf = (files: Map<string, Uint8Array>) => zipSync(Object.fromEntries(files))

describe('checking a backup', () => {
  it('takes time in proportion to its size: 8,000 incidents cost about 8 times 1,000', () => {
    const small = pastBackupEntries(1_000)
    const large = pastBackupEntries(8_000)
    checkBackup(small) // warm up
    const ratio = fastest(() => checkBackup(large)) / fastest(() => checkBackup(small))
    // Linear is 8 (noise and collection on a loaded machine move it up to about 15); the check
    // that searched every entry for each incident measured 78.
    expect(ratio).toBeLessThan(30)
  }, 120_000)

  it('gives every entry bytes of its own, never a view into the archive the worker would copy', () => {
    const files = pastBackupEntries(3)
    const id = [...files.keys()][0]!.split('/')[1]!
    const zippable: Zippable = Object.fromEntries(files)
    // Screenshots are stored, not deflated: each arrives as a slice of the archive's bytes.
    for (let i = 0; i < 4; i++) {
      zippable[`incidents/${id}/attachments/a${i}.png`] = [
        new Uint8Array(samplePng(8, 8)),
        { level: 0 },
      ]
    }
    const entries = unzipBackup(zipSync(zippable))
    expect(entries.size).toBe(8)
    for (const [name, bytes] of entries) {
      expect(bytes.buffer.byteLength, name).toBe(bytes.byteLength)
    }
  })

  it('runs whole in the worker: the main thread stays free, hears the progress, and can cancel', async () => {
    const dir = newDir()
    const path = join(dir, 'large.zip')
    writeFileSync(path, zipOf(pastBackupEntries(4_000)))
    // The worker's TypeScript source, as the built app runs its JavaScript.
    const source = pathToFileURL(join(import.meta.dirname, 'backup-unzip-worker.ts')).href
    const script = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}) })`
    const reader = backupWorker(script, { eval: true })

    const progress: BackupProgress[] = []
    let longest = 0
    let last = performance.now()
    const ticks = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
    }, 5)
    let backup
    try {
      backup = await reader.read(path, (p) => progress.push(p))
    } finally {
      clearInterval(ticks)
    }
    expect(backup.incidents).toHaveLength(4_000)
    expect(backup.incidents[0]).toMatchObject({ title: expect.stringMatching(/^Past incident 0/) })
    expect(progress.at(-1)).toEqual({ phase: 'checking', checked: 4_000, incidents: 4_000 })
    expect(progress.some((p) => p.phase === 'unpacking')).toBe(true)
    // Only the checked backup crosses to this thread: no check of its own holds the loop up.
    expect(longest).toBeLessThan(400)

    // Cancel while it is checking: the read stops at once.
    const cancelled = reader.read(path, (p) => {
      if (p.phase === 'checking') reader.cancel()
    })
    await expect(cancelled).rejects.toThrow('The backup import was cancelled. Nothing was changed.')
  }, 120_000)

  it('refuses a retrospective draft that is not valid, and events nested deeper than an event can be', async () => {
    const dir = newDir()
    const t = testHost(dir)
    const recorded = await t.host.call('incident:record', {
      title: 'API down',
      severity: 1,
      detection: 'alert',
      recorder: 'Dana',
    })
    if (!recorded.ok) throw new Error(recorded.error.message)
    const exported = await t.host.call('backup:export', undefined)
    if (!exported.ok) throw new Error(exported.error.message)
    const files = unzipSync(readFileSync(exported.value.path!))
    const id = recorded.value.id
    const logName = `incidents/${id}/events.jsonl`
    const [first] = strFromU8(files[logName]!).trim().split('\n')
    const head = JSON.stringify({
      type: 'retro.draftSaved',
      v: 3,
      id: 'e-draft',
      incidentId: id,
      seq: 2,
      at: '2026-11-23T15:00:00.000Z',
      by: 'Dana',
    }).slice(0, -1)
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`
    const variants: [string, string, RegExp][] = [
      [
        'javascript: link',
        `${head},"draft":{"actions":[{"id":"a1","title":"Fix","issueUrl":"javascript:alert(1)"}]}}`,
        /line 2 of incident .* is not valid \(the retrospective draft held links that are not https\)/,
      ],
      [
        '50,000-character attendee',
        `${head},"draft":{"attendees":["${'x'.repeat(50_000)}"]}}`,
        /line 2 .* is not valid \(the retrospective draft held text over its limit\)/,
      ],
      [
        'draft 200,000 levels deep',
        `${head},"draft":{"failed":"",${deep(200_000).slice(1)}}`,
        /line 2 .* is not valid \(the retrospective draft held fields a draft does not have\)/,
      ],
      [
        'another field 200,000 levels deep',
        `${head},"draft":{},"later":${deep(200_000)}}`,
        /event 2 of incident .* nests values more than 32 levels deep/,
      ],
    ]
    const to = newDir()
    const b = testHost(to)
    for (const [name, line, why] of variants) {
      const m = JSON.parse(strFromU8(files[MANIFEST]!)) as { incidents: { events: number }[] }
      m.incidents[0]!.events = 2
      const path = join(to, `${name}.zip`)
      writeFileSync(
        path,
        zipSync({
          ...files,
          [MANIFEST]: strToU8(JSON.stringify(m)),
          [logName]: strToU8(`${first}\n${line}\n`),
        }),
      )
      const result = await b.host.call('backup:import', { file: await pickFile(b, path) })
      expect(result.ok ? 'imported' : result.error.message, name).toMatch(why)
    }
    expect(b.host.snapshot().incidents).toEqual([])
    b.host.close()
    t.host.close()
  })
})

describe('ids on every file system', () => {
  it('a backup id that differs from one here only in case goes through the replace choice', () => {
    const dir = newDir()
    const here = '20261123-1400-abcd'
    const theirs = '20261123-1400-ABCD'
    mkdirSync(join(dir, 'incidents', here), { recursive: true })
    writeFileSync(
      join(dir, 'incidents', here, 'events.jsonl'),
      pastIncidentLog(here, 1, Date.parse('2026-11-23T14:00:00Z'), 6),
    )
    // As on macOS and Windows: one folder for both spellings.
    const store = new IncidentStore(dir, () => new Date('2026-11-24T10:00:00Z'), {
      ignoresCase: true,
    })
    store.open()
    const backup = checkBackup(
      new Map<string, Uint8Array>([
        [
          MANIFEST,
          strToU8(
            JSON.stringify({
              format: 'incident-tray-backup',
              version: 1,
              createdAt: '2026-11-24T09:00:00Z',
              incidents: [{ id: theirs, title: 'x', events: 6, images: 0 }],
            }),
          ),
        ],
        [
          `incidents/${theirs}/events.jsonl`,
          pastIncidentLog(theirs, 2, Date.parse('2026-11-23T14:00:00Z'), 6),
        ],
      ]),
    )
    const plan = planImport(store, backup)
    expect(plan.incidents).toMatchObject([{ id: theirs, state: 'differs' }])
    const now = new Date('2026-11-24T10:00:00Z')
    // Not chosen: nothing is written.
    expect(applyImport(store, backup, plan, new Set(), now)).toEqual({ written: [], respelled: [] })
    expect(readdirSync(join(dir, 'incidents')).filter((n) => !n.startsWith('.'))).toEqual([here])
    // Chosen: the one here is kept beside, and named to be forgotten.
    expect(applyImport(store, backup, plan, new Set([theirs]), now)).toEqual({
      written: [theirs],
      respelled: [here],
    })
    const left = readdirSync(join(dir, 'incidents')).filter((n) => !n.startsWith('.'))
    expect(left).toHaveLength(2)
    expect(left).toContain(theirs)
    expect(left.find((n) => n !== theirs)).toMatch(new RegExp(`^${here}\\.replaced-`))

    // A case-sensitive file system keeps both: nothing here to replace.
    const apart = new IncidentStore(newDir(), () => now, { ignoresCase: false })
    apart.open()
    expect(planImport(apart, backup).incidents).toMatchObject([{ state: 'new' }])
  })

  it('refuses a backup with two ids, or two images, that differ only in case', () => {
    const files = pastBackupEntries(2)
    const m = JSON.parse(strFromU8(files.get(MANIFEST)!)) as { incidents: { id: string }[] }
    const [a, b] = m.incidents.map((i) => i.id) as [string, string]
    const upper = a.toUpperCase()
    const twice = new Map(files)
    twice.set(`incidents/${upper}/events.jsonl`, files.get(`incidents/${a}/events.jsonl`)!)
    twice.set(
      MANIFEST,
      strToU8(
        JSON.stringify({ ...m, incidents: [...m.incidents, { ...m.incidents[0], id: upper }] }),
      ),
    )
    expect(refusal(() => checkBackup(twice))).toMatch(
      `it lists incidents ${a} and ${upper}, whose ids differ only in case`,
    )
    const images = new Map(files)
    images.set(`incidents/${b}/attachments/shot.png`, samplePng(4, 4))
    images.set(`incidents/${b}/attachments/SHOT.png`, samplePng(4, 4))
    expect(refusal(() => checkBackup(images))).toMatch(`it holds incidents/${b}/attachments/`)
  })

  it('refuses the names Windows keeps for devices, in any case, as ids and image names', async () => {
    for (const name of ['CON', 'con', 'Prn', 'AUX', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9']) {
      expect(IncidentStore.isValidId(name), name).toBe(false)
      expect(IncidentId.safeParse(name).success, name).toBe(false)
      expect(ATTACHMENT_NAME.test(`${name}.png`), name).toBe(false)
    }
    for (const name of ['console', 'com10', 'nullable', 'con-1', 'a1']) {
      expect(IncidentStore.isValidId(name), name).toBe(true)
      expect(ATTACHMENT_NAME.test(`${name}.png`), name).toBe(true)
    }
    // A backup bringing one is refused before it is unpacked.
    const dir = newDir()
    const b = testHost(dir)
    const path = join(dir, 'con.zip')
    const files = pastBackupEntries(1)
    const id = [...files.keys()].find((k) => k.startsWith('incidents/'))!.split('/')[1]!
    files.set(`incidents/${id}/attachments/CON.png`, samplePng(4, 4))
    writeFileSync(path, zipOf(files))
    const result = await b.host.call('backup:inspect', { file: await pickFile(b, path) })
    expect(result.ok ? 'accepted' : result.error.message).toMatch(
      `it holds a file a backup never has (incidents/${id}/attachments/CON.png)`,
    )
    const get = await b.host.call('incident:get', { id: 'nul' })
    expect(get.ok ? 'found' : get.error.message).toMatch('That is not an incident id.')
    expect(existsSync(join(dir, 'incidents', 'nul'))).toBe(false)
    b.host.close()
  })
})
