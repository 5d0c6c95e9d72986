/**
 * The built app in real Electron, through Playwright's `_electron`: the scenarios of
 * e2e/app/*.spec.ts that can be driven from outside a real desktop (no OS tray clicks, no OS
 * notifications or global key presses). Runs where an Electron binary exists
 * (ELECTRON_OVERRIDE_DIST_PATH); prints that it skipped everywhere else.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'

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
test.beforeEach(() => {
  if (!binary)
    console.log(
      `SKIPPED electron: "${test.info().title}": no Electron binary here (set ELECTRON_OVERRIDE_DIST_PATH to run it)`,
    )
  test.skip(!binary, 'no Electron binary on this machine; set ELECTRON_OVERRIDE_DIST_PATH')
})

const apps: ElectronApplication[] = []
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined)
})

function launch(dataDir: string, args: string[] = []): Promise<ElectronApplication> {
  return electron
    .launch({
      executablePath: binary!,
      args: [join(ROOT, 'out/main/index.js'), ...args],
      env: { ...process.env, INCIDENT_TRAY_DATA_DIR: dataDir },
    })
    .then((app) => (apps.push(app), app))
}
const newDataDir = () => mkdtempSync(join(tmpdir(), 'incident-tray-electron-'))

test('start shows the window and the tray; the page is isolated', async () => {
  const app = await launch(newDataDir())
  const window = await app.firstWindow()
  await expect(window.getByRole('dialog', { name: 'Welcome to Incident Tray' })).toBeVisible()
  const hasTray = await app.evaluate(() =>
    Boolean((globalThis as { incidentTrayHasTray?: boolean }).incidentTrayHasTray),
  )
  expect(hasTray).toBe(true)
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
    'undefined',
  )
})

test('record, close hides the window, a second launch shows it, Quit exits 0 with the data', async () => {
  const dataDir = newDataDir()
  const app = await launch(dataDir)
  const window = await app.firstWindow()
  await window
    .getByRole('dialog', { name: 'Welcome to Incident Tray' })
    .getByRole('button', { name: /Skip for now/ })
    .click()
  await window.keyboard.press('Control+N')
  const dialog = window.getByRole('dialog', { name: 'Record an incident' })
  await dialog.getByLabel('Title').fill('Search is slow')
  await dialog.getByRole('radio', { name: /Severity 2/ }).check()
  await dialog.getByLabel('Recorded by (you)').fill('Dana')
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(window.getByRole('region', { name: 'Search is slow' })).toBeVisible()

  const visible = () =>
    app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
  await expect.poll(visible).toEqual([false])

  const second = spawnSync(binary!, [join(ROOT, 'out/main/index.js')], {
    env: { ...process.env, INCIDENT_TRAY_DATA_DIR: dataDir },
    timeout: 30_000,
  })
  expect(second.status).toBe(0)
  await expect.poll(visible).toEqual([true])

  const exited = new Promise<number | null>((r) => app.process().once('exit', (code) => r(code)))
  await app.evaluate(({ app: electronApp }) => electronApp.quit())
  expect(await exited).toBe(0)
  expect(readFileSync(join(dataDir, 'index.json'), 'utf8')).toContain('Search is slow')
})

test('--hidden starts with no window', async () => {
  const app = await launch(newDataDir(), ['--hidden'])
  await app.evaluate(({ app: electronApp }) => electronApp.whenReady())
  await expect
    .poll(() =>
      app.evaluate(() =>
        Boolean((globalThis as { incidentTrayHasTray?: boolean }).incidentTrayHasTray),
      ),
    )
    .toBe(true)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0)
})

test('navigation away and window.open are refused; only https goes to the system browser', async () => {
  const app = await launch(newDataDir())
  const page = await app.firstWindow()
  await app.evaluate(({ shell }) => {
    const opened: string[] = []
    Object.assign(globalThis, { opened })
    shell.openExternal = async (url: string) => void opened.push(url)
  })
  const appUrl = page.url()
  await page.evaluate(() => {
    window.open('javascript:alert(1)')
    window.open('https://docs.openverse.org/')
    location.href = 'https://evil.example.com/'
  })
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened))
    .toEqual(['https://docs.openverse.org/'])
  expect(page.url()).toBe(appUrl)
})

test('a data folder the app cannot open shows the start-up failure window', async () => {
  const file = join(newDataDir(), 'data')
  writeFileSync(file, 'not a folder')
  const app = await launch(file)
  const window = await app.firstWindow()
  await expect(window.getByRole('heading', { name: 'Incident Tray could not start' })).toBeVisible()
  await expect(window.getByText(file, { exact: true })).toBeVisible()
})
