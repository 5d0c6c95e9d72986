import { spawnSync } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  EVENT_SCHEMA_VERSION,
  EVENT_SCHEMAS,
  parseEventLine,
  UPGRADES,
} from '../domain/event-schemas'
import { foldIncident, summarize, type Incident } from '../domain/incident'
import { tempDir, testHost } from '../testing/fixtures'
import { LOCK_FILE } from './data-lock'
import { parseLog } from './event-log'
import { IncidentStore } from './incident-store'

const FIXTURES = join(import.meta.dirname, '__fixtures__')
const FIXTURE_ID = '20261120-0900-a1b2'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** What a person checks in the golden file: the summary and every timeline line. */
function goldenOf(incident: Incident) {
  return {
    summary: summarize(incident),
    timeline: incident.timeline.toArray().map((t) => {
      if (t.kind === 'lifecycle') return `${t.at} ${t.text}`
      const body = 'text' in t ? t.text : 'title' in t ? `${t.title} <${t.url}>` : ''
      const flags = `${t.verified ? '' : ' (hypothesis)'}${t.deleted ? ' (deleted)' : ''}`
      return `${t.at} ${t.kind}${flags}: ${body} [${t.history.length} edit(s), by ${t.by}]`
    }),
    links: incident.links,
    lastSeq: incident.lastSeq,
  }
}

describe('fixture logs of every schema version', () => {
  for (let version = 1; version <= EVENT_SCHEMA_VERSION; version++) {
    it(`replays the version ${version} log to its golden summary`, () => {
      const bytes = readFileSync(join(FIXTURES, `events-v${version}.jsonl`))
      const parsed = parseLog(bytes)
      expect(parsed.damaged).toEqual([])
      expect(parsed.unknown).toEqual([])
      expect(parsed.events.every((e) => e.v === EVENT_SCHEMA_VERSION)).toBe(true)
      const golden = JSON.parse(readFileSync(join(FIXTURES, 'golden-summary.json'), 'utf8'))
      expect(goldenOf(foldIncident(parsed.events))).toEqual(golden)
    })
  }

  it('has a schema for every type at every version, and an upgrade from each older one', () => {
    for (let v = 1; v <= EVENT_SCHEMA_VERSION; v++) expect(EVENT_SCHEMAS[v]).toBeDefined()
    for (let v = 1; v < EVENT_SCHEMA_VERSION; v++) expect(UPGRADES[v]).toBeTypeOf('function')
  })

  it('upgrades a version 1 line by making its version explicit, changing nothing else', () => {
    const [line] = readFileSync(join(FIXTURES, 'events-v1.jsonl'), 'utf8').split('\n')
    const raw = JSON.parse(line!)
    const result = parseEventLine(line!)
    expect(result).toEqual({
      kind: 'event',
      version: 1,
      event: { ...raw, v: EVENT_SCHEMA_VERSION },
    })
  })

  it('checks an upgraded line against today’s schema: an upgrade that loses a field is caught', () => {
    const [line] = readFileSync(join(FIXTURES, 'events-v1.jsonl'), 'utf8').split('\n')
    const upgrade = UPGRADES[1]!
    try {
      UPGRADES[1] = ({ title: _title, ...event }) => ({ ...upgrade(event) })
      expect(parseEventLine(line!)).toEqual({
        kind: 'damaged',
        why: 'incident.recorded: title Invalid input: expected string, received undefined',
      })
    } finally {
      UPGRADES[1] = upgrade
    }
  })

  it('refuses a known type with a field of the wrong shape as damaged, naming the field', () => {
    const line = JSON.stringify({
      id: 'x',
      incidentId: 'i',
      seq: 2,
      at: 't',
      by: 'Dana',
      v: 2,
      type: 'severity.changed',
      from: 1,
      to: 'two',
      reason: '',
    })
    expect(parseEventLine(line)).toMatchObject({ kind: 'damaged', why: /severity.changed: to/ })
  })
})

/** The fixture incident copied into a data folder, as if the app had written it. */
function installFixture(lines = Infinity, version = EVENT_SCHEMA_VERSION): string {
  const folder = join(dir, 'incidents', FIXTURE_ID)
  mkdirSync(join(folder, 'attachments'), { recursive: true })
  const log = join(folder, 'events.jsonl')
  const all = readFileSync(join(FIXTURES, `events-v${version}.jsonl`), 'utf8').split('\n')
  writeFileSync(log, all.filter(Boolean).slice(0, lines).join('\n') + '\n')
  return log
}

const UNKNOWN_LINE =
  JSON.stringify({
    id: 'future-1',
    incidentId: FIXTURE_ID,
    seq: 13,
    at: '2026-11-20T10:00:00.000Z',
    by: 'Dana',
    type: 'incident.escalated',
    v: 3,
    to: 'vendor',
  }) + '\n'

describe('a log written by a newer version', () => {
  it('opens read-only with its notice, keeps every event, and rewrites nothing', async () => {
    // Still active (Stabilized), so only the newer line stands between the user and an edit.
    const log = installFixture(12)
    appendFileSync(log, UNKNOWN_LINE)
    const before = readFileSync(log)
    const { host } = testHost(dir)
    const notices = host.snapshot().notices.map((n) => n.message)
    expect(notices.join('\n')).toContain(
      `Incident “Image search returns nothing” (${FIXTURE_ID}) was written by a newer version of Incident Tray (line 13: "incident.escalated", schema version 3): nothing was changed; update the app to edit it.`,
    )
    const incident = await host.call('incident:get', { id: FIXTURE_ID })
    if (!incident.ok) throw new Error(incident.error.message)
    expect(incident.value.readOnly).toBe(
      'This incident was written by a newer version of Incident Tray: nothing was changed; update the app to edit it.',
    )
    expect(incident.value.version).toBe(12)
    const note = await host.call('timeline:add', {
      incidentId: FIXTURE_ID,
      entry: { kind: 'note', text: 'Refused' },
    })
    expect(note.ok || note.error.message).toBe(incident.value.readOnly)
    host.close()
    expect(readFileSync(log)).toEqual(before)
  })
})

describe('a damaged line in the middle', () => {
  it('is set aside with its line number; the rest folds and new events come after the highest seq', async () => {
    const log = installFixture(12)
    const lines = readFileSync(log, 'utf8').split('\n')
    lines[4] = lines[4]!.slice(0, 30) + '#garbage'
    writeFileSync(log, lines.join('\n'))
    const { host } = testHost(dir)
    const messages = host.snapshot().notices.map((n) => n.message)
    expect(messages.join('\n')).toMatch(
      new RegExp(
        `Line 5 of incident “Image search returns nothing” \\(${FIXTURE_ID}\\) was damaged and set aside in .*events\\.jsonl\\.damaged-.*, with its line number\\. Every other event is kept\\.`,
      ),
    )
    const incident = await host.call('incident:get', { id: FIXTURE_ID })
    if (!incident.ok) throw new Error(incident.error.message)
    // Line 6 edits the entry of line 5: it cannot apply, stays in the log, and is reported.
    expect(incident.value.version).toBe(10)
    expect(messages.join('\n')).toMatch(
      /1 event\(s\) of incident .* could not be applied and were skipped \(event 6 \(entry.edited\)/,
    )
    const side = readdirSync(join(dir, 'incidents', FIXTURE_ID)).find((f) =>
      f.startsWith('events.jsonl.damaged-'),
    )
    const record = JSON.parse(readFileSync(join(dir, 'incidents', FIXTURE_ID, side!), 'utf8'))
    expect(record).toMatchObject({ line: 5, why: 'not JSON' })
    const added = await host.call('timeline:add', {
      incidentId: FIXTURE_ID,
      entry: { kind: 'note', text: 'After the repair' },
    })
    expect(added.ok).toBe(true)
    const last = parseLog(readFileSync(log)).events.at(-1)
    // 12 was the highest seq: the set-aside line's number 5 is never reused.
    expect(last).toMatchObject({ seq: 13, v: EVENT_SCHEMA_VERSION })
    host.close()
    const again = testHost(dir).host
    expect(again.snapshot().notices).toEqual([])
    again.close()
  })

  it('reports events numbered twice (a second writer) without dropping any', () => {
    const log = installFixture()
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n')
    appendFileSync(log, lines[lines.length - 1]!.replace('"id":"e027"', '"id":"e027b"') + '\n')
    const store = new IncidentStore(dir, () => new Date())
    store.open()
    expect(store.notices.map((n) => n.kind)).toEqual(['seq-problem'])
    expect(store.notices[0]!.message).toMatch(/numbered twice or out of order \(27\)/)
  })
})

describe('live notices', () => {
  it('pushes a repair found after start-up to the window and the tray until dismissed', async () => {
    const { host } = testHost(dir)
    const rec = await host.call('incident:record', {
      title: 'Live',
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    })
    if (!rec.ok) throw new Error(rec.error.message)
    host.close()
    // Damaged after the index was written: start-up trusts the index (sizes match)...
    const log = join(dir, 'incidents', rec.value.id, 'events.jsonl')
    const text = readFileSync(log, 'utf8')
    writeFileSync(log, text + text.replace(/"seq":1/, '"seq":2').replace(/\{/, '{{'))
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
    index.incidents[rec.value.id].logSize = readFileSync(log).length
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index))
    const again = testHost(dir).host
    expect(again.snapshot().notices).toEqual([])
    const pushed: string[][] = []
    again.subscribe((s) => pushed.push(s.notices.filter((n) => !n.dismissed).map((n) => n.message)))
    // ...so the repair happens when the incident is opened, and is heard then.
    await again.call('incident:get', { id: rec.value.id })
    expect(pushed.at(-1)?.[0]).toMatch(/^Line 2 of incident .* was damaged and set aside/)
    expect(again.tray().tooltip).toMatch(/1 notice to read$/)
    const id = again.snapshot().notices[0]!.id
    await again.call('notice:dismiss', { id })
    expect(pushed.at(-1)).toEqual([])
    expect(again.tray().tooltip).not.toMatch(/notice/)
    // Still listed (Settings → Data), as dismissed.
    expect(again.snapshot().notices).toMatchObject([{ id, dismissed: true }])
    again.close()
  })
})

describe('one writer per data folder', () => {
  it('refuses a second process, naming the folder, and writes nothing', () => {
    // The parent of this test process is alive and is not us: a second writer.
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, host: hostname(), since: 'x' }),
    )
    const before = readdirSync(dir)
    expect(() => testHost(dir)).toThrow(
      `is using the data folder ${dir}. Nothing was written. Quit the other one, or start this one with another folder (INCIDENT_TRAY_DATA_DIR).`,
    )
    expect(readdirSync(dir)).toEqual(before)
  })

  it('refuses a live writer of this boot; takes over one written before the machine restarted', () => {
    // After a restart the parent's process id stands for a program that is not Incident Tray.
    const booted = Date.now() - uptime() * 1000
    const lock = (boot: number) =>
      writeFileSync(
        join(dir, LOCK_FILE),
        JSON.stringify({
          pid: process.ppid,
          host: hostname(),
          since: 'x',
          boot: new Date(boot).toISOString(),
        }),
      )
    lock(booted)
    expect(() => testHost(dir)).toThrow('is using the data folder')
    lock(booted - 3 * 3600_000)
    const { host } = testHost(dir)
    const written = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))
    expect(written.pid).toBe(process.pid)
    expect(Math.abs(Date.parse(written.boot) - booted)).toBeLessThan(60_000)
    host.close()
  })

  it('takes over a lock left by a process that is gone, and frees it on close', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), since: 'x' }))
    const { host } = testHost(dir)
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    host.close()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })
})

describe('the index', () => {
  it('is rebuilt when written for another event schema, even if every log size matches', () => {
    installFixture()
    const store = new IncidentStore(dir, () => new Date())
    store.open()
    // Start-up leaves the index to be written a moment later; the host's timer does this.
    store.writeIndex()
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
    expect(index.eventSchema).toBe(EVENT_SCHEMA_VERSION)
    index.eventSchema = EVENT_SCHEMA_VERSION - 1
    index.incidents[FIXTURE_ID].summary.title = 'Stale summary'
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index))
    const [summary] = new IncidentStore(dir, () => new Date()).open()
    expect(summary!.title).toBe('Image search returns nothing')
  })
})
