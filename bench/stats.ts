import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'

/** Median and percentiles of a sample, in the sample's unit. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export const median = (values: readonly number[]) => percentile(values, 50)

/** One figure of the benchmark table: a value per run, and its baseline measured in the same run. */
export interface Figure {
  figure: string
  unit: string
  /** The figure, once per run (each usually itself the median of many samples). */
  runs: number[]
  /** Its baseline, once per run, measured side by side with it. */
  baseline?: number[]
  baselineLabel?: string
  /** Target: a ratio to the baseline, or an absolute bound when there is no baseline. */
  maxRatio?: number
  max?: number
  note?: string
}

export interface Result extends Figure {
  median: number
  baselineMedian?: number
  ratio?: number
  pass: boolean
}

export function result(f: Figure): Result {
  const m = median(f.runs)
  const b = f.baseline ? median(f.baseline) : undefined
  const ratio = b !== undefined ? m / b : undefined
  const pass =
    f.maxRatio !== undefined ? ratio !== undefined && ratio <= f.maxRatio : m <= (f.max ?? Infinity)
  return { ...f, median: m, baselineMedian: b, ratio, pass }
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2))

export function printTable(results: readonly Result[]): void {
  const header = ['figure', 'median (runs)', 'baseline, same run', 'ratio', 'target', 'ok']
  const body = results.map((r) => [
    r.figure,
    `${fmt(r.median)} ${r.unit} (${r.runs.map(fmt).join(', ')})`,
    r.baselineMedian !== undefined
      ? `${r.baselineLabel ?? 'baseline'} ${fmt(r.baselineMedian)} ${r.unit} (${r.baseline!.map(fmt).join(', ')})`
      : '',
    r.ratio !== undefined ? `${r.ratio.toFixed(2)}x` : '',
    r.maxRatio !== undefined
      ? `≤ ${r.maxRatio}x`
      : r.max !== undefined
        ? `≤ ${r.max} ${r.unit}`
        : 'info',
    r.maxRatio === undefined && r.max === undefined ? '' : r.pass ? 'yes' : 'NO',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) console.log(line(b))
  for (const r of results) if (r.note) console.log(`* ${r.figure}: ${r.note}`)
}

export function writeResults(path: string, results: readonly Result[], quick: boolean): void {
  const load = loadavg().map((n) => Number(n.toFixed(2)))
  writeFileSync(
    path,
    JSON.stringify({ at: new Date().toISOString(), quick, loadavg: load, results }, null, 2) + '\n',
  )
}

/** Progress on stderr, so the table on stdout stays clean. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** Sizes for a full run, and for `--quick` (one run, smaller data) while developing. */
export interface Sizes {
  quick: boolean
  runs: number
  past: number
  /** Events per past incident. */
  events: number
  activeEntries: number
  bigEntries: number
  samples: number
  /**
   * Runs of the figures that take under a second each (start-up, first paint): five, so one
   * disturbed run does not decide the median.
   */
  shortRuns: number
}

export function sizes(quick: boolean): Sizes {
  return quick
    ? {
        quick,
        runs: 1,
        shortRuns: 1,
        past: 500,
        events: 25,
        activeEntries: 1_000,
        bigEntries: 10_000,
        samples: 10,
      }
    : {
        quick,
        runs: 3,
        shortRuns: 5,
        past: 5_000,
        events: 25,
        activeEntries: 10_000,
        bigEntries: 100_000,
        samples: 30,
      }
}
