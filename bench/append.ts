import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { IncidentEvent } from '../electron/domain/events'
import { EVENT_SCHEMA_VERSION } from '../electron/domain/event-schemas'
import { ManualClock } from '../electron/services/clock'
import { appendEvents } from '../electron/store/event-log'
import { nextTurn, tempDir, testHost } from '../electron/testing/fixtures'
import { pastArchive } from './archive'
import { median, progress, type Figure, type Sizes } from './stats'

const START = Date.parse('2026-11-23T14:00:00Z')

/** Notes written straight into an incident's log, after its recording (seq 1). */
export function notes(id: string, count: number, from = 2): IncidentEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(START + (i + 1) * 1_000).toISOString()
    return {
      type: 'entry.added',
      id: `${id}-s${i}`,
      incidentId: id,
      seq: from + i,
      at,
      by: 'Bench',
      v: EVENT_SCHEMA_VERSION,
      entryId: `${id}-s${i}`,
      occurredAt: at,
      verified: true,
      content: { kind: 'note', text: `p95 ${400 + (i % 300)} ms on /v1/images, check ${i}` },
    }
  })
}

/** A B B A: whether the measured command goes first in pair `i` of a figure and its baseline. */
const firstOfPair = (i: number) => i % 4 === 0 || i % 4 === 3

const record = { title: 'API down', severity: 2, detection: 'alert' as const, recorder: 'Bench' }

/**
 * Appending a note through the host (5,000 past incidents, a 10,000-entry active one) beside
 * appending the same event's bytes the same way (appendEvents: open, write, fsync, close) to a
 * file of its own; and recording an incident with the archive beside recording one with none.
 */
export async function benchAppend(s: Sizes): Promise<Figure[]> {
  // The shared archive (after start-up has read it): this section adds incidents to it.
  const full = pastArchive(s)
  const empty = tempDir()
  try {
    // Notes are written at the clock's time: after the seeded ones, as a live incident's are.
    const clock = new ManualClock(START + (s.activeEntries + 10) * 1_000)
    const big = testHost(full.dir, clock)
    const rec = await big.host.call('incident:record', record)
    if (!rec.ok) throw new Error(rec.error.message)
    const id = rec.value.id
    big.host.close()
    appendEvents(join(full.dir, 'incidents', id, 'events.jsonl'), notes(id, s.activeEntries))
    progress(`active incident with ${s.activeEntries} entries; starting the host`)
    const { host } = testHost(full.dir, clock)
    const bare = testHost(empty.dir, clock).host
    const opened = await host.call('incident:get', { id })
    if (!opened.ok || opened.value.timeline.length !== s.activeEntries + 1) {
      throw new Error('seed failed')
    }
    const plainDir = join(full.dir, 'plain')
    mkdirSync(plainDir)
    const plainPath = join(plainDir, 'events.jsonl')
    appendEvents(plainPath, notes('plain', 1))
    const log = join(full.dir, 'incidents', id, 'events.jsonl')

    const append: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
    const recording: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
    const followed: Figure = { figure: '', unit: 'ms', runs: [], baseline: [] }
    let written = lastEvent(log)
    // Run 0 is a warm-up, not counted: its first commands run code V8 has not compiled yet, and
    // the first run was always the slowest.
    for (let run = 0; run <= s.runs; run++) {
      progress(
        run === 0 ? 'append and record, warm-up' : `append and record, run ${run} of ${s.runs}`,
      )
      const [times, settled, plain, withArchive, without] = [[], [], [], [], []] as number[][]
      const plainAppend = () => {
        const t0 = performance.now()
        appendEvents(plainPath, [written])
        plain!.push(performance.now() - t0)
      }
      // A note and its baseline side by side, taking turns at going first (A B B A, not A B A B:
      // the index is written every other second, so A B A B would always put the note first
      // after it), so neither always follows the other's work or the timers'. Each figure is
      // measured apart from the others.
      for (let i = 0; i < s.samples * 2; i++) {
        clock.advance(1_000)
        const noteFirst = firstOfPair(i)
        if (!noteFirst) plainAppend() // the bytes of the previous note: the same length
        const input = { incidentId: id, entry: { kind: 'note', text: `bench note ${run}.${i}` } }
        const t0 = performance.now()
        const result = await host.dispatch('timeline:add', input)
        times!.push(performance.now() - t0)
        // What follows the answer (pushes, reminders, the index) runs on the loop's next turn,
        // as it does between two commands in the app.
        await nextTurn()
        settled!.push(performance.now() - t0)
        if (!result.ok) throw new Error(result.error.message)
        written = lastEvent(log)
        if (noteFirst) plainAppend()
      }
      // Recording: the same command, with the archive and with none, taking turns too.
      for (let i = 0; i < s.samples; i++) {
        clock.advance(1_000)
        const pair = [
          [host, withArchive!, `A ${run}.${i}`],
          [bare, without!, `B ${run}.${i}`],
        ] as const
        for (const [target, times, title] of firstOfPair(i) ? pair : [...pair].reverse()) {
          const t0 = performance.now()
          const done = await target.dispatch('incident:record', { ...record, title })
          times.push(performance.now() - t0)
          await nextTurn()
          if (!done.ok) throw new Error('record failed')
        }
      }
      if (run === 0) continue
      append.runs.push(median(times!))
      append.baseline!.push(median(plain!))
      followed.runs.push(median(settled!))
      followed.baseline!.push(median(plain!))
      recording.runs.push(median(withArchive!))
      recording.baseline!.push(median(without!))
    }
    host.close()
    bare.close()
    return [
      {
        ...append,
        figure: `append a note, ${s.past} past incidents, ${s.activeEntries}-entry active one`,
        baselineLabel: 'same bytes append+fsync',
        maxRatio: 1.5,
      },
      {
        ...followed,
        figure: `  the same note until what follows it has run (pushes, reminders)`,
        baselineLabel: 'same bytes append+fsync',
        note: 'for information: the answer does not wait for it',
      },
      {
        ...recording,
        figure: `record an incident, ${s.past} past incidents`,
        baselineLabel: 'with none',
        maxRatio: 1.5,
      },
    ]
  } finally {
    empty.cleanup()
  }
}

/** The log's last event, read from its tail (the whole log is not parsed per sample). */
function lastEvent(path: string): IncidentEvent {
  const size = statSync(path).size
  const buf = Buffer.alloc(Math.min(size, 16_384))
  const fd = openSync(path, 'r')
  readSync(fd, buf, 0, buf.length, size - buf.length)
  closeSync(fd)
  const text = buf.toString('utf8').trimEnd()
  return JSON.parse(text.slice(text.lastIndexOf('\n') + 1)) as IncidentEvent
}
