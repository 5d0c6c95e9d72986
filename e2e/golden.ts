import { resolve } from 'node:path'
import { expect } from '@playwright/test'
import { golden } from '../electron/testing/golden'

const GOLDEN_DIR = resolve(import.meta.dirname, '__golden__')

/** Compares with a golden file a person has read (see electron/testing/golden.ts). */
export function expectGolden(name: string, actual: string): void {
  expect(actual).toBe(golden(GOLDEN_DIR, name, actual))
}
