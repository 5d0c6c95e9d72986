import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { IncidentEvent } from '../electron/domain/events'
import { ManualClock } from '../electron/services/clock'
import { appendEvents } from '../electron/store/event-log'
import { tempDir, testHost } from '../electron/testing/fixtures'
import { median, type Row } from './stats'

const INCIDENTS = 1_000
const ENTRIES = 100
const START = Date.parse('2026-11-01T09:00:00Z')

/** 1,000 incidents of 100 timeline entries each, written in the app's own log format. */
async function seed(dir: string): Promise<void> {
  const { host } = testHost(dir, new ManualClock(START))
  for (let i = 0; i < INCIDENTS; i++) {
    const rec = await host.call('incident:record', {
      title: `Incident ${i}: search latency over 2 s`,
      severity: 1 + (i % 3),
      detection: 'alert',
      recorder: 'Bench',
    })
    if (!rec.ok) throw new Error(rec.error.message)
    const id = rec.value.id
    const events: IncidentEvent[] = Array.from({ length: ENTRIES }, (_, j) => {
      const at = new Date(START + i * 3_600_000 + (j + 1) * 1_000).toISOString()
      return {
        type: 'entry.added',
        id: `${id}-${j}`,
        incidentId: id,
        seq: j + 2,
        at,
        by: 'Bench',
        entryId: `${id}-${j}`,
        occurredAt: at,
        verified: true,
        content: { kind: 'note', text: `p95 ${400 + j} ms on /v1/images, check ${j}` },
      }
    })
    appendEvents(join(dir, 'incidents', id, 'events.jsonl'), events)
  }
  host.close()
}

/** Every log's bytes parsed line by line: the floor any start-up that reads the logs has. */
function bareParse(dir: string): number {
  const t0 = performance.now()
  let n = 0
  for (const id of readdirSync(join(dir, 'incidents'))) {
    const text = readFileSync(join(dir, 'incidents', id, 'events.jsonl'), 'utf8')
    for (const line of text.split('\n')) if (line) n += (JSON.parse(line) as object) ? 1 : 0
  }
  if (n !== INCIDENTS * (ENTRIES + 1)) throw new Error(`parsed ${n} events`)
  return performance.now() - t0
}

function startHost(dir: string): number {
  const t0 = performance.now()
  const { host } = testHost(dir, new ManualClock(START + INCIDENTS * 3_600_000))
  const count = host.snapshot().incidents.length
  const ms = performance.now() - t0
  host.close()
  if (count !== INCIDENTS) throw new Error(`host saw ${count} incidents`)
  return ms
}

/** Host start-up with 1,000 incidents of 100 entries, warm (index) and cold (replay every log). */
export async function benchStartup(): Promise<Row[]> {
  const { dir, cleanup } = tempDir()
  try {
    await seed(dir)
    const parse = median([bareParse(dir), bareParse(dir), bareParse(dir)])
    startHost(dir) // writes the index
    const warm = median([startHost(dir), startHost(dir), startHost(dir)])
    const cold = median(
      [0, 1, 2].map(() => {
        rmSync(join(dir, 'index.json'), { force: true })
        return startHost(dir)
      }),
    )
    return [
      {
        figure: `host start-up, ${INCIDENTS} incidents × ${ENTRIES} entries (with its index)`,
        measured: `${warm.toFixed(0)} ms`,
        baseline: `bare JSON.parse of the logs ${parse.toFixed(0)} ms (${(warm / parse).toFixed(2)}x)`,
        target: '≤ 3x the bare parse',
        pass: warm <= 3 * parse,
      },
      {
        figure: 'host start-up, same data, index lost (replays every log)',
        measured: `${cold.toFixed(0)} ms`,
        baseline: `bare JSON.parse ${parse.toFixed(0)} ms (${(cold / parse).toFixed(2)}x)`,
        target: '≤ 3x the bare parse',
        pass: cold <= 3 * parse,
      },
    ]
  } finally {
    cleanup()
  }
}
