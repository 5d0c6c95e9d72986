import { rmSync } from 'node:fs'
import { COVERAGE_DIR } from '../electron-standin/launch'

/** Each run of the built-app specs starts its coverage afresh. */
export default function clearCoverage(): void {
  rmSync(COVERAGE_DIR, { recursive: true, force: true })
}
