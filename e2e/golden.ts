import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { expect } from '@playwright/test'

const GOLDEN_DIR = resolve(import.meta.dirname, '__golden__')

/**
 * Compares with a golden file a person has read. A missing file is written (outside CI) for that
 * person to read and commit; in CI it fails.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name)
  if (!existsSync(path)) {
    expect(process.env.CI, `golden file ${name} is missing`).toBeFalsy()
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, actual)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}
