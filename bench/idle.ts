import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { IncidentEvent } from '../electron/domain/events'
import { EVENT_SCHEMA_VERSION } from '../electron/domain/event-schemas'
import { ManualClock } from '../electron/services/clock'
import { appendEvents } from '../electron/store/event-log'
import { tempDir, testHost } from '../electron/testing/fixtures'
import { progress, type Figure, type Sizes } from './stats'

const START = Date.parse('2026-11-23T14:00:00Z')
const HOUR = 3_600_000

/** A manual clock that counts the timers that fire. */
class CountingClock extends ManualClock {
  fired = 0
  override setTimer(fn: () => void, ms: number): () => void {
    return super.setTimer(() => {
      this.fired++
      fn()
    }, ms)
  }
}

/** Timers that fire in an hour with three active incidents (lead named, update posted). */
export async function benchIdle(s: Sizes): Promise<Figure[]> {
  const idle: Figure = { figure: '', unit: 'timers/h', runs: [] }
  for (let run = 0; run < s.runs; run++) {
    const { dir, cleanup } = tempDir()
    try {
      const clock = new CountingClock(START)
      const { host } = testHost(dir, clock)
      for (const title of ['API down', 'Thumbnails slow', 'Search empty']) {
        const r = await host.call('incident:record', {
          title,
          severity: 3,
          detection: 'alert',
          recorder: 'Bench',
        })
        if (!r.ok) throw new Error(r.error.message)
        await host.call('incident:setLead', {
          id: r.value.id,
          lead: { kind: 'free', name: 'Dana' },
        })
        await host.call('update:post', { id: r.value.id, text: 'Looking into it.' })
      }
      clock.advance(HOUR) // settle: the index write and the first ticks
      clock.fired = 0
      clock.advance(HOUR)
      idle.runs.push(clock.fired)
      host.close()
    } finally {
      cleanup()
    }
  }
  return [{ ...idle, figure: 'idle: timers fired per hour, 3 active incidents, none due', max: 60 }]
}

/**
 * Seeding `count` incidents through the host's commands (record, then notes) into one data folder,
 * in `s.runs` runs of equal size, so the archive grows from run to run; beside each run, the same
 * logs written directly, each event appended and fsynced on its own as the host does, for a
 * sample of at most `DIRECT_SAMPLE` incidents. Both are per incident, so the ratio says what the
 * host adds to a write, and a run over a larger archive would show it growing.
 */
export async function benchSeed(s: Sizes, count: number): Promise<Figure[]> {
  const seed: Figure = { figure: '', unit: 'ms/incident', runs: [], baseline: [] }
  const perIncident = 5
  const chunk = Math.ceil(count / s.runs)
  const viaHost = tempDir()
  const direct = tempDir()
  try {
    const clock = new ManualClock(START)
    const { host } = testHost(viaHost.dir, clock)
    let seeded = 0
    for (let run = 0; run < s.runs; run++) {
      const size = Math.min(chunk, count - seeded)
      progress(
        `seeding ${size} incidents through the host (${seeded} there), run ${run + 1}/${s.runs}`,
      )
      const t0 = performance.now()
      for (let i = 0; i < size; i++) {
        clock.advance(1_000)
        const r = await host.call('incident:record', {
          title: `Incident ${seeded}`,
          severity: 3,
          detection: 'alert',
          recorder: 'Bench',
        })
        if (!r.ok) throw new Error(r.error.message)
        for (let j = 1; j < perIncident; j++) {
          const n = await host.call('timeline:add', {
            incidentId: r.value.id,
            entry: { kind: 'note', text: `note ${j}` },
          })
          if (!n.ok) throw new Error(n.error.message)
        }
        seeded++
        if (seeded % 500 === 0) progress(`  ${seeded} of ${count} through the host`)
      }
      seed.runs.push((performance.now() - t0) / size)
      // The same shape of logs, written with the same appends (one fsync per event).
      const sample = Math.min(size, DIRECT_SAMPLE)
      progress(`  the same logs written directly, ${sample} incidents`)
      const t1 = performance.now()
      for (let i = 0; i < sample; i++) {
        const id = `direct-${run}-${i}`
        const folder = join(direct.dir, 'incidents', id)
        mkdirSync(join(folder, 'attachments'), { recursive: true })
        for (let seq = 1; seq <= perIncident; seq++) {
          appendEvents(join(folder, 'events.jsonl'), [directEvent(id, seq)])
        }
      }
      seed.baseline!.push((performance.now() - t1) / sample)
    }
    if (host.snapshot().incidents.length !== count) throw new Error('seeding lost incidents')
    host.close()
  } finally {
    viaHost.cleanup()
    direct.cleanup()
  }
  return [
    {
      ...seed,
      figure: `seed ${count} incidents × ${perIncident} events through the host's commands`,
      baselineLabel: 'the same appends written directly',
      maxRatio: 3,
    },
  ]
}

/** Incidents written directly per run for the baseline (a rate: more would only take longer). */
const DIRECT_SAMPLE = 250

function directEvent(id: string, seq: number): IncidentEvent {
  const at = new Date(START + seq * 1_000).toISOString()
  const base = { id: `${id}-${seq}`, incidentId: id, seq, at, by: 'Bench', v: EVENT_SCHEMA_VERSION }
  if (seq === 1) {
    return {
      ...base,
      type: 'incident.recorded',
      title: `Incident ${id}`,
      observed: '',
      severity: 3,
      scale: 'openverse',
      detection: 'alert',
      area: '',
      status: 'pending',
    }
  }
  return {
    ...base,
    type: 'entry.added',
    entryId: base.id,
    occurredAt: at,
    verified: true,
    content: { kind: 'note', text: `note ${seq - 1}` },
  }
}
