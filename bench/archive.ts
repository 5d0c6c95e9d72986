import { execFileSync } from 'node:child_process'
import { writePastIncidents } from '../electron/testing/archive'
import { tempDir } from '../electron/testing/fixtures'
import { progress, type Sizes } from './stats'

let shared: { dir: string; bytes: number; cleanup: () => void } | undefined

/**
 * The past incidents (5,000 × 25 events), written once per bench run: start-up reads them first,
 * then the append section adds its incidents to them. Writing and removing 5,000 folders twice
 * was a minute of a full run.
 */
export function pastArchive(s: Sizes): { dir: string; bytes: number } {
  if (!shared) {
    progress(`seeding ${s.past} past incidents × ${s.events} events`)
    const { dir, cleanup } = tempDir()
    const { bytes } = writePastIncidents(dir, s.past, {
      events: s.events,
      onProgress: (n) => progress(`  ${n} written`),
    })
    // On disk before anything is timed, as years of history are: just written, the 37 MB and
    // 5,000 folders are still being written back, and a mkdir beside them took 0.8 ms instead
    // of 0.06 (recording measured 1.7-1.8x when the append section ran alone).
    execFileSync('sync')
    shared = { dir, bytes, cleanup }
  }
  return shared
}

export function dropPastArchive(): void {
  shared?.cleanup()
  shared = undefined
}
