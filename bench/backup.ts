import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { readBackup } from '../electron/services/backup'
import { backupWorker } from '../electron/services/backup-worker-client'
import { pastBackupEntries } from '../electron/testing/archive'
import { tempDir } from '../electron/testing/fixtures'
import { median, progress, type Figure, type Sizes } from './stats'

/** The worker as the app runs it (`npm run bench` builds it first). */
const WORKER = join(import.meta.dirname, '..', 'out', 'main', 'backup-unzip-worker.js')

const fmt = (ms: number) => `${ms.toFixed(0)} ms`

/**
 * Reading a backup as the app does, in its worker thread (unpacking, then checking every
 * incident's log), until the checked backup is back on the main thread: 10,000 incidents beside
 * 1,000. A check that grows with the square of the incidents (as before issue 31: 23.7 s for
 * 10,000) shows as a ratio far over 10. Each run is the median of three reads of the large one and
 * six of the small one, interleaved. The note gives the same read in this process, without the
 * worker's start (a fixed cost): how the check itself grows.
 */
export async function benchBackupCheck(s: Sizes): Promise<Figure[]> {
  const large = s.quick ? 2_000 : 10_000
  const small = large / 10
  progress(`building backups of ${small} and ${large} incidents`)
  const { dir, cleanup } = tempDir()
  try {
    const paths = { small: join(dir, 'small.zip'), large: join(dir, 'large.zip') }
    writeFileSync(paths.small, zipSync(Object.fromEntries(pastBackupEntries(small))))
    writeFileSync(paths.large, zipSync(Object.fromEntries(pastBackupEntries(large))))
    const worker = backupWorker(WORKER)
    const inWorker = async (path: string, incidents: number) => {
      const started = performance.now()
      const backup = await worker.read(path, () => undefined)
      const ms = performance.now() - started
      if (backup.incidents.length !== incidents) throw new Error('the backup lost incidents')
      return ms
    }
    const inProcess = (path: string) => {
      const bytes = readFileSync(path)
      const started = performance.now()
      readBackup(bytes)
      return performance.now() - started
    }
    // Warm up: the disk cache, this process's schemas, the worker's first start.
    await inWorker(paths.small, small)
    await inWorker(paths.large, large)
    inProcess(paths.small)
    inProcess(paths.large)
    const mb = (readFileSync(paths.large).length / 2 ** 20).toFixed(1)
    const figure: Figure = {
      figure: `read and check a backup of ${large} incidents (${mb} MB) in its worker`,
      unit: 'ms',
      runs: [],
      baseline: [],
      baselineLabel: `the same, ${small} incidents`,
      maxRatio: 10,
    }
    const here = { small: [] as number[], large: [] as number[] }
    for (let run = 0; run < s.runs; run++) {
      progress(`backup check, run ${run + 1}/${s.runs}`)
      // Interleaved, so a moment of load elsewhere falls on both; the short one sampled more.
      const times = { small: [] as number[], large: [] as number[] }
      for (let i = 0; i < 3; i++) {
        times.small.push(await inWorker(paths.small, small), await inWorker(paths.small, small))
        times.large.push(await inWorker(paths.large, large))
        here.small.push(inProcess(paths.small), inProcess(paths.small))
        here.large.push(inProcess(paths.large))
      }
      figure.baseline!.push(median(times.small))
      figure.runs.push(median(times.large))
    }
    const [l, m] = [median(here.large), median(here.small)]
    figure.note = `read in this process, without the worker's start: ${fmt(l)} for ${large}, ${fmt(m)} for ${small} (${(l / m).toFixed(1)}x)`
    return [figure]
  } finally {
    cleanup()
  }
}
