import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Host } from '../host'
import { ManualClock } from '../clock'
import { pickFile, samplePng, tempDir, testHost } from '../../testing/fixtures'

let dirs: { dir: string; cleanup: () => void }[] = []
const newDir = () => {
  const d = tempDir()
  dirs.push(d)
  return d.dir
}
beforeEach(() => (dirs = []))
afterEach(() => dirs.forEach((d) => d.cleanup()))

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** Two incidents: one with a note, a deleted note and a screenshot; one plain. */
async function seed(host: Host, clock: ManualClock) {
  const api = must(
    await host.call('incident:record', {
      title: 'API down',
      severity: 1,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  await host.call('timeline:add', {
    incidentId: api.id,
    entry: { kind: 'note', text: 'Redis connection pool exhausted on db-3' },
  })
  const gone = must(
    await host.call('timeline:add', {
      incidentId: api.id,
      entry: { kind: 'note', text: 'maybe the kubelet flapped' },
    }),
  )
  await host.call('timeline:delete', { incidentId: api.id, entryId: gone.id })
  await host.call('attachment:add', {
    incidentId: api.id,
    png: samplePng(80, 50).toString('base64'),
    caption: 'Grafana latency',
  })
  clock.advance(60 * 60_000)
  const search = must(
    await host.call('incident:record', {
      title: 'Search is slow',
      severity: 3,
      detection: 'user-report',
      recorder: 'Dana',
    }),
  )
  return { api: api.id, search: search.id }
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${name.name}` : name.name
      if (name.isDirectory()) walk(path)
      else out[path] = readFileSync(join(dir, path)).toString('base64')
    }
  }
  walk('incidents')
  return out
}

describe('backup and import', () => {
  it('restores every incident, timeline and image byte for byte in a fresh folder', async () => {
    const from = newDir()
    const a = testHost(from)
    await seed(a.host, a.clock)
    await a.host.call('settings:update', { cadence: { '1': 30 } })
    const exported = must(await a.host.call('backup:export', undefined))
    expect(exported.incidents).toBe(2)
    expect(exported.path).toMatch(/incident-tray-backup-2026-11-23\.zip$/)

    const to = newDir()
    const b = testHost(to)
    const plan = must(
      await b.host.call('backup:inspect', { file: await pickFile(b, exported.path!) }),
    )
    expect(plan.hasSettings).toBe(true)
    expect(plan.incidents.map((i) => i.state)).toEqual(['new', 'new'])
    const report = must(
      await b.host.call('backup:import', {
        file: await pickFile(b, exported.path!),
        restoreSettings: true,
      }),
    )
    expect(report.imported).toHaveLength(2)
    expect(report.settingsRestored).toBe(true)
    expect(tree(to)).toEqual(tree(from))
    expect(b.host.settings().cadence['1']).toBe(30)
    const list = b.host.snapshot().incidents.map((i) => i.title)
    expect(list.sort()).toEqual(['API down', 'Search is slow'])
    // The same incidents as full state, timeline included.
    for (const summary of a.host.snapshot().incidents) {
      const mine = must(await a.host.call('incident:get', { id: summary.id }))
      const theirs = must(await b.host.call('incident:get', { id: summary.id }))
      expect(theirs).toEqual(mine)
    }
  })

  it('importing again changes nothing; a changed incident is kept unless the user replaces it', async () => {
    const from = newDir()
    const a = testHost(from)
    const { api } = await seed(a.host, a.clock)
    const path = must(await a.host.call('backup:export', undefined)).path!

    const to = newDir()
    const b = testHost(to)
    must(await b.host.call('backup:import', { file: await pickFile(b, path) }))
    const again = must(await b.host.call('backup:import', { file: await pickFile(b, path) }))
    expect(again.imported).toEqual([])
    expect(again.unchanged).toHaveLength(2)

    await b.host.call('timeline:add', {
      incidentId: api,
      entry: { kind: 'note', text: 'Written after the backup' },
    })
    const plan = must(await b.host.call('backup:inspect', { file: await pickFile(b, path) }))
    expect(plan.incidents.find((i) => i.id === api)?.state).toBe('differs')
    const kept = must(await b.host.call('backup:import', { file: await pickFile(b, path) }))
    expect(kept.kept).toEqual([api])
    const afterKeep = must(await b.host.call('incident:get', { id: api }))
    expect(
      afterKeep.timeline.some((i) => 'text' in i && i.text === 'Written after the backup'),
    ).toBe(true)

    const replaced = must(
      await b.host.call('backup:import', { file: await pickFile(b, path), replace: [api] }),
    )
    expect(replaced.imported).toEqual([api])
    const afterReplace = must(await b.host.call('incident:get', { id: api }))
    expect(
      afterReplace.timeline.some((i) => 'text' in i && i.text === 'Written after the backup'),
    ).toBe(false)
    // The replaced version is kept beside, not destroyed.
    const aside = readdirSync(join(to, 'incidents')).filter((n) => n.startsWith(`${api}.replaced-`))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(to, 'incidents', aside[0]!, 'events.jsonl'), 'utf8')).toContain(
      'Written after the backup',
    )
  })

  it('refuses a damaged archive with a clear message and changes nothing', async () => {
    const from = newDir()
    const a = testHost(from)
    const { api } = await seed(a.host, a.clock)
    const path = must(await a.host.call('backup:export', undefined)).path!
    const files = unzipSync(readFileSync(path))
    const log = strFromU8(files[`incidents/${api}/events.jsonl`]!)
    const variants: [string, Uint8Array][] = [
      ['not a zip', strToU8('PK this is not really a zip file')],
      ['truncated', readFileSync(path).subarray(0, 2000)],
      [
        'cut-off log',
        zipSync({ ...files, [`incidents/${api}/events.jsonl`]: strToU8(log.slice(0, -40)) }),
      ],
      [
        'damaged image',
        zipSync({
          ...files,
          ...Object.fromEntries(
            Object.keys(files)
              .filter((k) => k.endsWith('.png'))
              .map((k) => [k, files[k]!.subarray(0, 100)]),
          ),
        }),
      ],
      ['no manifest', zipSync({ 'notes.txt': strToU8('hello') })],
    ]
    const to = newDir()
    const b = testHost(to)
    await b.host.call('incident:record', {
      title: 'Already here',
      severity: 2,
      detection: 'alert',
      recorder: 'Ali',
    })
    const before = tree(to)
    for (const [name, bytes] of variants) {
      const bad = join(to, `${name}.zip`)
      writeFileSync(bad, bytes)
      const result = await b.host.call('backup:import', {
        file: await pickFile(b, bad),
        restoreSettings: true,
      })
      expect(result.ok, name).toBe(false)
      if (!result.ok) {
        expect(result.error.code, name).toBe('damaged-backup')
        expect(result.error.message, name).toMatch(/cannot be imported: .+\. Nothing was changed\./)
      }
    }
    expect(tree(to)).toEqual(before)
    expect(b.host.snapshot().incidents.map((i) => i.title)).toEqual(['Already here'])
    const missing = await b.host.call('backup:inspect', {
      file: await pickFile(b, join(to, 'nope.zip')),
    })
    expect(missing.ok ? null : missing.error.code).toBe('not-found')
    const folder = await b.host.call('backup:inspect', { file: await pickFile(b, to) })
    expect(folder.ok ? null : folder.error.message).toContain('is a folder')
  })
})

describe('history search', () => {
  it('finds incidents by title and timeline text, every word, not deleted entries', async () => {
    const dir = newDir()
    const { host, clock } = testHost(dir)
    const { api, search } = await seed(host, clock)
    const ids = async (text: string) => must(await host.call('history:search', { text })).ids.sort()
    expect(await ids('redis')).toEqual([api])
    expect(await ids('POOL  db-3')).toEqual([api])
    expect(await ids('slow')).toEqual([search])
    expect(await ids('kubelet')).toEqual([])
    expect(await ids('redis slow')).toEqual([])
    expect(await ids('')).toEqual([api, search].sort())
    await host.call('timeline:add', {
      incidentId: search,
      entry: { kind: 'note', text: 'Elasticsearch heap at 95%' },
    })
    expect(await ids('elasticsearch')).toEqual([search])
  })

  it('keeps its cache across restarts and rebuilds what changed meanwhile', async () => {
    const dir = newDir()
    const first = testHost(dir)
    const { search } = await seed(first.host, first.clock)
    must(await first.host.call('history:search', { text: 'redis' }))
    first.host.close()
    expect(existsSync(join(dir, 'search-index.json'))).toBe(true)
    const second = testHost(dir)
    await second.host.call('timeline:add', {
      incidentId: search,
      entry: { kind: 'note', text: 'Shard rebalancing finished' },
    })
    expect(must(await second.host.call('history:search', { text: 'rebalancing' })).ids).toEqual([
      search,
    ])
  })
})

describe('exporting one incident', () => {
  it('writes a zip with report.md and its images', async () => {
    const dir = newDir()
    const { host, clock, files } = testHost(dir)
    const { api } = await seed(host, clock)
    const { path } = must(await host.call('incident:export', { id: api }))
    expect(path).toBe(files.saved[0]?.path)
    const zip = unzipSync(readFileSync(path!))
    const names = Object.keys(zip).sort()
    const image = names.find((n) => n.endsWith('.png'))!
    expect(names).toEqual([image, `incident-${api}/report.md`].sort())
    expect(image).toMatch(new RegExp(`^incident-${api}/images/.+\\.png$`))
    const report = strFromU8(zip[`incident-${api}/report.md`]!)
    expect(report).toMatch(/^# API down\n/)
    expect(report).toContain('Redis connection pool exhausted on db-3')
    expect(report).not.toContain('kubelet')
    expect(report).toContain(`![Grafana latency](images/${image.split('/').pop()})`)
    expect(Buffer.from(zip[image]!).equals(samplePng(80, 50))).toBe(true)
  })
})

describe('insights through the host', () => {
  it('counts from the index, the same before and after a restart', async () => {
    const dir = newDir()
    const first = testHost(dir)
    const { api } = await seed(first.host, first.clock)
    must(
      await first.host.call('incident:setLead', { id: api, lead: { kind: 'free', name: 'Ali' } }),
    )
    first.clock.set(new Date('2026-11-23T14:50:00Z'))
    must(await first.host.call('update:post', { id: api, text: 'Investigating' }))
    first.clock.set(new Date('2026-11-23T16:00:00Z'))
    must(await first.host.call('update:post', { id: api, text: 'Still investigating' }))
    const before = must(await first.host.call('insights:get', { weeks: 4 }))
    expect(before.incidents).toBe(2)
    // 14:00 → 14:50 is within the hourly cadence; 14:50 → 16:00 is 70 minutes.
    expect(before.punctuality).toMatchObject({ posted: 2, onTime: 1, share: 0.5 })
    expect(before.perWeek).toHaveLength(4)
    expect(before.perWeek.at(-1)).toMatchObject({ weekStart: '2026-11-23', total: 2 })
    expect(before.leads).toEqual([
      { lead: '', incidents: 1 },
      { lead: 'Ali', incidents: 1 },
    ])
    first.host.close()
    const second = testHost(dir, first.clock)
    expect(must(await second.host.call('insights:get', { weeks: 4 }))).toEqual(before)
  })
})
