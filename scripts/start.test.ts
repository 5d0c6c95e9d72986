import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const script = join(import.meta.dirname, 'start.mjs')

describe('npm start without an Electron runtime', () => {
  it('explains ELECTRON_OVERRIDE_DIST_PATH instead of printing a stack trace', () => {
    const run = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron' },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start')
    expect(run.stderr).toContain('no Electron executable at /nonexistent/electron')
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })
})
