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
 * Seeding through the host's commands (record, then notes), beside writing the same events to
 * their logs directly, each event appended and fsynced on its own as the host does.
 */
export async function benchSeed(s: Sizes, count: number): Promise<Figure[]> {
  const seed: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
  const perIncident = 5
  for (let run = 0; run < s.runs; run++) {
    progress(`seeding ${count} incidents through the host, run ${run + 1} of ${s.runs}`)
    const viaHost = tempDir()
    const direct = tempDir()
    try {
      const clock = new ManualClock(START)
      const { host } = testHost(viaHost.dir, clock)
      const t0 = performance.now()
      for (let i = 0; i < count; i++) {
        clock.advance(1_000)
        const r = await host.call('incident:record', {
          title: `Incident ${i}`,
          severity: 3,
          detection: 'alert',
          recorder: 'Bench',
        })
        if (!r.ok) throw new Error(r.error.message)
        for (let j = 1; j < perIncident; j++) {
          await host.call('timeline:add', {
            incidentId: r.value.id,
            entry: { kind: 'note', text: `note ${j}` },
          })
        }
        if ((i + 1) % 1000 === 0) progress(`  ${i + 1} through the host`)
      }
      const hostMs = performance.now() - t0
      host.close()
      // The same shape of logs, written with the same appends (one fsync per event).
      const t1 = performance.now()
      for (let i = 0; i < count; i++) {
        const id = `direct-${i}`
        const folder = join(direct.dir, 'incidents', id)
        mkdirSync(join(folder, 'attachments'), { recursive: true })
        for (let seq = 1; seq <= perIncident; seq++) {
          appendEvents(join(folder, 'events.jsonl'), [directEvent(id, seq)])
        }
      }
      seed.runs.push(hostMs)
      seed.baseline!.push(performance.now() - t1)
    } finally {
      viaHost.cleanup()
      direct.cleanup()
    }
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
