/** Median and percentiles of a sample, in the sample's unit. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export const median = (values: readonly number[]) => percentile(values, 50)

export interface Row {
  figure: string
  measured: string
  baseline?: string
  target: string
  pass: boolean
}

export function printTable(rows: readonly Row[]): void {
  const header = ['figure', 'measured', 'side by side', 'target', 'ok']
  const body = rows.map((r) => [
    r.figure,
    r.measured,
    r.baseline ?? '',
    r.target,
    r.pass ? 'yes' : 'NO',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) console.log(line(b))
}
