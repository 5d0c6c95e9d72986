import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IncidentRepository } from '../services/incidents'
import { tempDir } from '../testing/fixtures'
import { IncidentStore } from './incident-store'

const KILLS = 200
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
      ssr: join(import.meta.dirname, 'crash-child.ts'),
      outDir: OUT,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } },
    },
  })
  childPath = join(OUT, 'crash-child.mjs')
}, 60_000)
afterAll(() => cleanup())

/** Runs the writer until a random moment, kills it with SIGKILL, returns what it acknowledged. */
function runAndKill(incidentId: string, afterMs: number): Promise<number[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childPath, dir, incidentId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: number[] = []
    let buffer = ''
    let errors = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) acked.push(Number(line))
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

describe('crash safety', () => {
  it(`keeps every acknowledged event through ${KILLS} SIGKILLs`, async () => {
    const store = new IncidentStore(dir, () => new Date())
    const repo = new IncidentRepository(store, () => new Date())
    const incident = repo.record(
      {
        title: 'Crash test',
        observed: '',
        severity: 2,
        detection: 'alert',
        area: '',
        recorder: 'crash',
        status: 'pending',
      },
      'openverse',
    )
    let verified = 0
    let tornTails = 0
    let highest = 0
    for (let kill = 0; kill < KILLS; kill++) {
      const acked = await runAndKill(incident.id, Math.floor(Math.random() * 25))
      // Restart: a fresh store over the same folder, as the app after a crash.
      const reopened = new IncidentStore(dir, () => new Date())
      const summaries = reopened.open()
      expect(summaries.map((s) => s.id)).toEqual([incident.id])
      const { incident: after } = reopened.load(incident.id)
      const seqs = new Set(after.timeline.map((t) => Number(t.id.replace('e-', ''))))
      for (const seq of acked)
        expect(seqs.has(seq), `acknowledged event ${seq} lost at kill ${kill}`).toBe(true)
      expect(after.version).toBeGreaterThanOrEqual(Math.max(highest, ...acked))
      highest = after.version
      verified += acked.length
      const repaired = reopened.notices.filter((n) => n.kind === 'log-repaired')
      for (const notice of repaired)
        expect(notice.message).toMatch(
          /cut off by a crash; it was set aside in .*events\.jsonl\.torn-/,
        )
      tornTails += repaired.length
    }
    console.log(
      `crash safety: ${KILLS} kills survived, ${verified} acknowledged events verified, ${highest} events in the log, ${tornTails} torn tails set aside`,
    )
  }, 240_000)
})
