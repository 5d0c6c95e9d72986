import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPng } from '../services/png-check'
import { IncidentRepository } from '../services/incidents'
import { tempDir } from '../testing/fixtures'
import { IncidentStore } from './incident-store'

const ROOT = resolve(import.meta.dirname, '../..')
const OUT = join(ROOT, 'node_modules', '.cache', 'crash-child')
let dir: string
let cleanup: () => void
let childPath: string

beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  mkdirSync(OUT, { recursive: true })
  // Bundled once so each of the 200 starts is a plain `node` start.
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(import.meta.dirname, '..', 'testing', 'crash-child.ts'),
      outDir: OUT,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } },
    },
  })
  childPath = join(OUT, 'crash-child.mjs')
}, 60_000)
afterAll(() => cleanup())

/** Runs the writer until a random moment, kills it with SIGKILL, returns what it acknowledged. */
function runAndKill(mode: Mode, incidentId: string, afterMs: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childPath, dir, mode, incidentId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: string[] = []
    let buffer = ''
    let errors = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      acked.push(...lines)
    })
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    // Kill only once it is writing, at a random moment after that.
    const started = setInterval(() => {
      if (acked.length > 0) {
        clearInterval(started)
        setTimeout(() => child.kill('SIGKILL'), afterMs)
      }
    }, 1)
    child.on('exit', (_code, signal) => {
      clearInterval(started)
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${errors}`))
      else resolvePromise(acked)
    })
  })
}

type Mode = 'append' | 'create' | 'attach'
const KILLS: Record<Mode, number> = { append: 120, create: 40, attach: 40 }
const totals = { kills: 0, verified: 0, tornTails: 0, unfinished: 0 }

/** A fresh store over the folder, as the app after a crash; no notice may say a line was lost. */
function reopen() {
  const store = new IncidentStore(dir, () => new Date())
  const summaries = store.open()
  const kinds = store.notices.map((n) => n.kind)
  expect(kinds.filter((k) => !['log-repaired', 'unfinished-incident'].includes(k))).toEqual([])
  for (const notice of store.notices.filter((n) => n.kind === 'log-repaired'))
    expect(notice.message).toMatch(/cut off by a crash; it was set aside in .*events\.jsonl\.torn-/)
  totals.tornTails += kinds.filter((k) => k === 'log-repaired').length
  totals.unfinished += kinds.filter((k) => k === 'unfinished-incident').length
  return { store, summaries }
}

function recordOne(title: string): string {
  const store = new IncidentStore(dir, () => new Date())
  const repo = new IncidentRepository(store, () => new Date())
  return repo.record(
    {
      title,
      observed: '',
      severity: 2,
      detection: 'alert',
      area: '',
      recorder: 'crash',
      status: 'pending',
    },
    'openverse',
  ).id
}

const randomMs = () => Math.floor(Math.random() * 25)

describe('crash safety', () => {
  afterAll(() =>
    console.log(
      `crash safety: ${totals.kills} kills survived, ${totals.verified} acknowledged events verified, ${totals.tornTails} torn tails set aside, ${totals.unfinished} unfinished incidents set aside`,
    ),
  )

  it(`keeps every acknowledged event through ${KILLS.append} SIGKILLs during appends`, async () => {
    const id = recordOne('Append crash test')
    let highest = 0
    const tornBefore = totals.tornTails
    for (let kill = 0; kill < KILLS.append; kill++) {
      const acked = (await runAndKill('append', id, randomMs())).map(Number)
      const { store, summaries } = reopen()
      expect(summaries.map((s) => s.id)).toContain(id)
      const { incident: after } = store.load(id)
      const seqs = new Set(after.timeline.toArray().map((t) => Number(t.id.replace('e-', ''))))
      for (const seq of acked)
        expect(seqs.has(seq), `acknowledged event ${seq} lost at kill ${kill}`).toBe(true)
      expect(after.lastSeq).toBeGreaterThanOrEqual(Math.max(highest, ...acked))
      highest = after.lastSeq!
      totals.verified += acked.length
      totals.kills++
    }
    // The slow disk makes kills land inside lines: the repair path really ran.
    expect(totals.tornTails - tornBefore).toBeGreaterThan(0)
  }, 240_000)

  it(`keeps every acknowledged incident through ${KILLS.create} SIGKILLs while recording`, async () => {
    const acknowledged = new Set<string>()
    for (let kill = 0; kill < KILLS.create; kill++) {
      for (const id of await runAndKill('create', '', randomMs())) acknowledged.add(id)
      const { summaries } = reopen()
      const ids = new Set(summaries.map((s) => s.id))
      for (const id of acknowledged) expect(ids.has(id), `incident ${id} lost`).toBe(true)
      totals.verified += acknowledged.size
      totals.kills++
    }
  }, 120_000)

  it(`keeps every acknowledged image, whole, through ${KILLS.attach} SIGKILLs while attaching`, async () => {
    const id = recordOne('Attachment crash test')
    for (let kill = 0; kill < KILLS.attach; kill++) {
      const acked = await runAndKill('attach', id, randomMs())
      const { store } = reopen()
      const { incident } = store.load(id)
      const images = incident.timeline.toArray().flatMap((t) => (t.kind === 'image' ? [t] : []))
      const shown = new Set(images.map((t) => t.id))
      for (const seq of acked) expect(shown.has(`e-${seq}`), `image ${seq} lost`).toBe(true)
      // An event never points at a missing or half-written image.
      for (const image of images) {
        const bytes = readFileSync(join(store.attachmentsDir(id), image.file))
        expect(() => checkPng(bytes)).not.toThrow()
      }
      totals.verified += acked.length
      totals.kills++
    }
  }, 120_000)
})
