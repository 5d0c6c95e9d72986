import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The text of golden file `name` under `dir`, a file a person has read. A missing file is written
 * from `actual` (outside CI) for that person to read and commit; in CI it is an error, never a
 * fresh pass. The caller compares: `expect(actual).toBe(golden(dir, name, actual))`.
 */
export function golden(dir: string, name: string, actual: string): string {
  const path = join(dir, name)
  if (!existsSync(path)) {
    if (process.env.CI) throw new Error(`golden file ${name} is missing`)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, actual)
  }
  return readFileSync(path, 'utf8')
}
