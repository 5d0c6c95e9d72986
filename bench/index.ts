/**
 * `npm run bench [-- --quick]`: every performance figure, each the median of its runs within this
 * one invocation, printed beside its baseline measured side by side in the same run, and written
 * to bench/results.json. Figures, not pass/fail tests: the machine's load moves the absolute
 * times, so only the ratios are targets. `--quick`: one run over smaller data, for development;
 * `--only=<section>` runs the sections whose name starts so.
 */
import { join } from 'node:path'
import { benchAppend } from './append'
import { dropPastArchive } from './archive'
import { benchBackupCheck } from './backup'
import { benchHistory } from './history'
import { benchIdle, benchSeed } from './idle'
import { benchOpenBig, benchStartup } from './startup'
import { printTable, progress, result, sizes, writeResults, type Figure } from './stats'
import { benchFirstPaint } from './timeline'
import { benchFollow } from './follow'

const s = sizes(process.argv.includes('--quick'))
const started = Date.now()
const figures: Figure[] = []
const sections: [string, () => Promise<Figure[]> | Figure[]][] = [
  // Start-up reads the shared archive of past incidents first; append then adds to it.
  ['start-up and heap', () => benchStartup(s)],
  ['append and record', () => benchAppend(s)],
  ['open a big incident', () => benchOpenBig(s)],
  ['first paint', () => benchFirstPaint(s)],
  ['history', () => benchHistory(s)],
  ['idle timers', () => benchIdle(s)],
  ['P2 follow', () => benchFollow()],
  ['seed through the host', () => benchSeed(s, s.quick ? 300 : 5_000)],
  ['backup check', () => benchBackupCheck(s)],
]
// `--only=history` runs one section (by the start of its name), for development.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
for (const [name, run] of sections) {
  if (only && !name.startsWith(only)) continue
  progress(`${name}…`)
  try {
    figures.push(...(await run()))
  } catch (err) {
    // One section failing must not hide the others' figures.
    console.error(`bench section "${name}" failed:`, err)
  }
}
dropPastArchive()
const results = figures.map(result)
printTable(results)
writeResults(join(import.meta.dirname, 'results.json'), results, s.quick)
progress(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
