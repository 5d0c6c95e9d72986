import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = resolve(import.meta.dirname, '..')

/** The Electron executable, if this machine has one (it cannot be downloaded here). */
function electronBinary(): string | undefined {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(ROOT, 'node_modules/electron/dist')
  const candidates = [
    join(dist, 'electron'),
    join(dist, 'electron.exe'),
    join(dist, 'Electron.app/Contents/MacOS/Electron'),
  ]
  return candidates.find((c) => existsSync(c))
}

const binary = electronBinary()

test('the real app starts, shows its window and creates its tray', async () => {
  if (!binary) {
    console.log(
      'SKIPPED electron smoke: no Electron binary here (set ELECTRON_OVERRIDE_DIST_PATH to run it)',
    )
    test.skip(true, 'no Electron binary on this machine; set ELECTRON_OVERRIDE_DIST_PATH to run it')
    return
  }
  const app = await electron.launch({
    executablePath: binary,
    args: [join(ROOT, 'out/main/index.js')],
    env: {
      ...process.env,
      INCIDENT_TRAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'incident-tray-electron-')),
    },
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('button', { name: /Record incident/ }).first()).toBeVisible()
    const hasTray = await app.evaluate(() =>
      Boolean((globalThis as { incidentTrayHasTray?: boolean }).incidentTrayHasTray),
    )
    expect(hasTray).toBe(true)
    const isolated = await window.evaluate(
      () => typeof (globalThis as { require?: unknown }).require === 'undefined',
    )
    expect(isolated).toBe(true)
  } finally {
    await app.close()
  }
})
