import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { tempDir, testHost } from '../electron/testing/fixtures'
import { median, percentile, type Row } from './stats'

/** Recording an incident end to end through the dispatcher, beside a bare append+fsync. */
export async function benchRecord(): Promise<Row[]> {
  const { dir, cleanup } = tempDir()
  try {
    const { host } = testHost(dir)
    const times: number[] = []
    const plain: number[] = []
    const plainPath = join(dir, 'plain.jsonl')
    for (let i = 0; i < 200; i++) {
      const input = { title: `Incident ${i}`, severity: 2, detection: 'alert', recorder: 'Bench' }
      const t0 = performance.now()
      const result = await host.dispatch('incident:record', input)
      times.push(performance.now() - t0)
      if (!result.ok) throw new Error(result.error.message)
      const line = Buffer.from(JSON.stringify({ ...input, at: new Date().toISOString() }) + '\n')
      const t1 = performance.now()
      const fd = openSync(plainPath, 'a')
      writeSync(fd, line)
      fsyncSync(fd)
      closeSync(fd)
      plain.push(performance.now() - t1)
    }
    host.close()
    const m = median(times)
    return [
      {
        figure: 'record an incident (median / p99)',
        measured: `${m.toFixed(2)} / ${percentile(times, 99).toFixed(2)} ms`,
        baseline: `append+fsync ${median(plain).toFixed(2)} ms`,
        target: 'median ≤ 20 ms',
        pass: m <= 20,
      },
    ]
  } finally {
    cleanup()
  }
}
