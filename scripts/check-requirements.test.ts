import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const script = join(import.meta.dirname, 'check-requirements.mjs')
// Makes the checked Node look older, without a second Node installed.
const OLD_NODE = 'data:text/javascript,Object.defineProperty(process,"version",{value:"v18.20.0"})'

function check(env: Record<string, string>, nodeArgs: string[] = []) {
  const started = Date.now()
  const run = spawnSync(process.execPath, [...nodeArgs, script], {
    encoding: 'utf8',
    env: { ...process.env, INCIDENT_TRAY_WP_REQUIRED: '', ...env },
    timeout: 20_000,
  })
  return { ...run, seconds: (Date.now() - started) / 1000 }
}

describe('npm test checks its requirements first', () => {
  it('stops at once with the install line when Chromium is missing', () => {
    const run = check({ CHROMIUM_PATH: '/nonexistent/chromium' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('there is none at /nonexistent/chromium')
    expect(run.stderr).toContain('sudo apt-get update && sudo apt-get install -y chromium')
    expect(run.stderr).toContain('CHROMIUM_PATH=/path/to/chromium npm test')
    expect(run.seconds).toBeLessThan(5)
  })

  it('passes quietly when everything is there', () => {
    // Any executable stands for the browser here: the check is that one is there to launch.
    const run = check({ CHROMIUM_PATH: process.execPath })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('names an old Node and a required WordPress site that is not installed, together', () => {
    const run = check(
      {
        CHROMIUM_PATH: process.execPath,
        INCIDENT_TRAY_WP_REQUIRED: '1',
        WP_TEST_SITE_FILE: '/nonexistent/wp.json',
      },
      ['--import', OLD_NODE],
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Node 20.19 or later is needed; this is v18.20.0.')
    expect(run.stderr).toContain('no WordPress test site (/nonexistent/wp.json is missing)')
    expect(run.stderr).toContain('scripts/wordpress-test-site.sh')
  })
})
