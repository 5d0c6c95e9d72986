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
    shared = { dir, bytes, cleanup }
  }
  return shared
}

export function dropPastArchive(): void {
  shared?.cleanup()
  shared = undefined
}
