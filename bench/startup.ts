import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ManualClock } from '../electron/services/clock'
import { appendEvents } from '../electron/store/event-log'
import { IncidentStore } from '../electron/store/incident-store'
import { pastIncidentLog } from '../electron/testing/archive'
import { nextTurn, tempDir, testHost } from '../electron/testing/fixtures'
import { notes } from './append'
import { pastArchive } from './archive'
import { median, progress, type Figure, type Sizes } from './stats'

const NOW = Date.parse('2026-11-23T14:00:00Z')

/** Every log's bytes read and parsed line by line: the floor of any start-up that reads them. */
function bareParse(dir: string, expected: number): number {
  const t0 = performance.now()
  let n = 0
  for (const id of readdirSync(join(dir, 'incidents'))) {
    const text = readFileSync(join(dir, 'incidents', id, 'events.jsonl'), 'utf8')
    for (const line of text.split('\n')) if (line) n += (JSON.parse(line) as object) ? 1 : 0
  }
  if (n !== expected) throw new Error(`parsed ${n} events, expected ${expected}`)
  return performance.now() - t0
}

function startHost(dir: string, count: number): number {
  const t0 = performance.now()
  const { host } = testHost(dir, new ManualClock(NOW))
  const seen = host.snapshot().incidents.length
  const ms = performance.now() - t0
  host.close()
  if (seen !== count) throw new Error(`host saw ${seen} incidents`)
  return ms
}

/** Heap used by a host over `dir`, after GC, in a child process of its own (--expose-gc). */
function hostHeap(dir: string): { host: number; bare: number } {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'heap-child.ts'), dir],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  return JSON.parse(out.trim().split('\n').at(-1)!) as { host: number; bare: number }
}

/** Start-up with 5,000 incidents × 25 events, with its index and with the index lost; the heap. */
export async function benchStartup(s: Sizes): Promise<Figure[]> {
  // The shared archive, before the append section adds to it.
  const { dir, bytes } = pastArchive(s)
  const events = s.past * s.events
  startHost(dir, s.past) // builds the index
  const warm: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
  const cold: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
  const runs = s.shortRuns
  for (let run = 0; run < runs; run++) {
    progress(`start-up, run ${run + 1} of ${runs}`)
    const parse = bareParse(dir, events)
    warm.runs.push(startHost(dir, s.past))
    warm.baseline!.push(parse)
    rmSync(join(dir, 'index.json'), { force: true })
    rmSync(join(dir, 'index-delta.jsonl'), { force: true })
    cold.runs.push(startHost(dir, s.past))
    cold.baseline!.push(bareParse(dir, events))
  }
  progress('heap, in a child process')
  const heap: Figure = { figure: '', unit: 'MB', runs: [], baseline: [] }
  for (let run = 0; run < s.runs; run++) {
    const { host, bare } = hostHeap(dir)
    heap.runs.push((host - bare) / 1e6)
    heap.baseline!.push(bytes / 1e6)
  }
  const label = `${s.past} incidents × ${s.events} events`
  return [
    {
      ...warm,
      figure: `host start-up, ${label}, with its index`,
      baselineLabel: 'bare JSON.parse of the logs',
      maxRatio: 0.2,
    },
    {
      ...cold,
      figure: `host start-up, ${label}, index lost`,
      baselineLabel: 'bare JSON.parse of the logs',
      maxRatio: 2,
    },
    {
      ...heap,
      figure: `host heap (after GC, over a bare process) with ${s.past} incidents`,
      baselineLabel: 'bytes of the logs on disk',
      maxRatio: 2,
    },
  ]
}

/**
 * A note added through the host to the incident of `bigEntries` entries, beside one added to an
 * incident of 10 in the same folder, alternately: the timeline is a persistent list, so the
 * length must not show.
 */
async function appendBigVsSmall(s: Sizes, dir: string, bigId: string): Promise<Figure> {
  const smallId = '20261123-1401-small'
  mkdirSync(join(dir, 'incidents', smallId, 'attachments'), { recursive: true })
  const path = join(dir, 'incidents', smallId, 'events.jsonl')
  const first = pastIncidentLog(smallId, 1, NOW, 4).toString('utf8').split('\n')[0]!
  appendEvents(path, [JSON.parse(first)])
  appendEvents(path, notes(smallId, 9))
  // Notes are written at the clock's time: after the seeded ones, as a live incident's are.
  const clock = new ManualClock(NOW + (s.bigEntries + 10) * 1_000)
  const { host } = testHost(dir, clock)
  const figure: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
  try {
    for (let run = 0; run < s.runs; run++) {
      progress(`append to ${s.bigEntries} entries and to 10, run ${run + 1} of ${s.runs}`)
      const [big, small] = [[], []] as number[][]
      for (let i = 0; i < s.samples; i++) {
        for (const [id, times] of [
          [bigId, big],
          [smallId, small],
        ] as const) {
          clock.advance(1_000)
          const t0 = performance.now()
          const result = await host.dispatch('timeline:add', {
            incidentId: id,
            entry: { kind: 'note', text: `bench note ${run}.${i}` },
          })
          times!.push(performance.now() - t0)
          await nextTurn()
          if (!result.ok) throw new Error(result.error.message)
        }
      }
      figure.runs.push(median(big!))
      figure.baseline!.push(median(small!))
    }
  } finally {
    host.close()
  }
  return {
    ...figure,
    figure: `append a note to a ${s.bigEntries}-entry incident (through the host)`,
    baselineLabel: 'to a 10-entry one',
    maxRatio: 1.5,
  }
}

/** Opening (replaying) one incident of 100,000 entries, beside the bare JSON.parse of its log. */
export async function benchOpenBig(s: Sizes): Promise<Figure[]> {
  const { dir, cleanup } = tempDir()
  try {
    progress(`writing a ${s.bigEntries}-entry incident`)
    const id = '20261123-1400-big1'
    mkdirSync(join(dir, 'incidents', id, 'attachments'), { recursive: true })
    const path = join(dir, 'incidents', id, 'events.jsonl')
    const first = pastIncidentLog(id, 0, NOW, 4).toString('utf8').split('\n')[0]!
    appendEvents(path, [JSON.parse(first)])
    appendEvents(path, notes(id, s.bigEntries))
    const open: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
    for (let run = 0; run < s.runs; run++) {
      const t0 = performance.now()
      let n = 0
      for (const line of readFileSync(path, 'utf8').split('\n'))
        if (line) n += JSON.parse(line) ? 1 : 0
      open.baseline!.push(performance.now() - t0)
      const store = new IncidentStore(dir, () => new Date(NOW))
      const t1 = performance.now()
      const { incident } = store.load(id)
      open.runs.push(performance.now() - t1)
      if (incident.timeline.length !== s.bigEntries + 1 || n !== s.bigEntries + 1) {
        throw new Error('big incident did not replay')
      }
    }
    return [
      {
        ...open,
        figure: `open a ${s.bigEntries}-entry incident (replay)`,
        baselineLabel: 'bare JSON.parse of its log',
        maxRatio: 2,
      },
      await appendBigVsSmall(s, dir, id),
    ]
  } finally {
    cleanup()
  }
}
