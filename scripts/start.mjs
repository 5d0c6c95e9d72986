// `npm start`: builds the app and runs it in Electron. Electron fetches its runtime on first use;
// where that cannot happen (no network, a locked-down machine) this says what to do instead of
// printing a stack trace.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const MARK = '__ELECTRON_PATH__='

export function findElectron(env = process.env) {
  const probe = spawnSync(
    process.execPath,
    ['-e', `process.stdout.write('\\n${MARK}' + require('electron'))`],
    { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const line = probe.stdout?.split('\n').find((l) => l.startsWith(MARK))
  const path = line?.slice(MARK.length)
  if (probe.status === 0 && path && existsSync(path)) return { ok: true, path }
  const reason = (probe.stderr || '')
    .split('\n')
    .find((l) => /Error|failed/i.test(l))
    ?.trim()
  return {
    ok: false,
    reason: reason || `no Electron executable at ${path ?? 'the expected place'}`,
  }
}

export const HELP = `Incident Tray could not find the Electron runtime.

Electron downloads its runtime the first time it runs; that did not work here.
If you have Electron installed (or unpacked from a release zip), point at its folder:

  ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start

The folder is the one that holds the electron executable (electron.exe on Windows,
Electron.app on macOS). Otherwise check your network and run npm start again.`

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findElectron()
  if (!found.ok) {
    console.error(`${HELP}\n\n(What went wrong: ${found.reason})`)
    process.exit(1)
  }
  const child = spawn('npx', ['electron-vite', 'preview'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  child.on('exit', (code) => process.exit(code ?? 0))
}
