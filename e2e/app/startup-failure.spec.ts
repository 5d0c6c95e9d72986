import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_NOW } from '../electron-standin/launch'
import { expect, test } from './fixtures'

test('a data folder the app cannot open shows what failed and where, and the tray turns red', async ({
  launchBuiltApp,
}) => {
  // A file where the data folder should be: opening it fails on every system, every time.
  const dataDir = join(mkdtempSync(join(tmpdir(), 'incident-tray-broken-')), 'data')
  writeFileSync(dataDir, 'not a folder')
  const app = await launchBuiltApp({ dataDir })
  const page = await app.window()
  await expect(page.getByRole('heading', { name: 'Incident Tray could not start' })).toBeVisible()
  await expect(
    page.getByText('It failed while opening the data folder and the incident logs'),
  ).toBeVisible()
  await expect(page.getByText(dataDir, { exact: true })).toBeVisible()
  await app.screenshot(page, 'app-startup-failure')

  const { tray } = await app.state()
  expect(tray?.image).toMatch(/tray-overdue\.png$/)
  expect(tray?.tooltip).toMatch(/^Incident Tray could not start: /)
  expect(tray?.menu.map((i) => i.label)).toContain('Open data folder')

  await page.getByRole('link', { name: 'Open folder' }).click()
  await expect.poll(async () => (await app.state()).openedPaths).toEqual([dataDir])
  await expect(page.getByRole('heading', { name: 'Incident Tray could not start' })).toBeVisible()
  expect(app.output().stderr).toContain(
    'Incident Tray could not start while opening the data folder',
  )

  await page.getByRole('link', { name: 'Quit' }).click()
  expect(await app.exited).toBe(0)
})

test('a damaged incident log never leaves a silent tray: the app opens, or says why it cannot', async ({
  launchBuiltApp,
}) => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'incident-tray-damaged-')), 'data')
  const incident = join(dataDir, 'incidents', 'inc-damaged')
  mkdirSync(incident, { recursive: true })
  writeFileSync(
    join(incident, 'events.jsonl'),
    '{"type":"a-kind-of-event-nobody-wrote","at":"2026-11-23T13:00:00.000Z","v":99}\n',
  )
  const app = await launchBuiltApp({ dataDir })
  const page = await app.window()
  const opened = page.getByRole('button', { name: /Record incident/ }).first()
  const failed = page.getByRole('heading', { name: 'Incident Tray could not start' })
  await expect(opened.or(failed)).toBeVisible()
  if (await failed.isVisible()) {
    await app.screenshot(page, 'app-startup-failure-damaged-log')
    expect((await app.state()).tray?.image).toMatch(/tray-overdue\.png$/)
  } else {
    // It opened: then IPC must be wired (a tray over nothing is the bug this guards against).
    const ok = await page.evaluate(async () => {
      const api = (window as unknown as { api: { state: { get(): Promise<{ ok: boolean }> } } }).api
      return (await api.state.get()).ok
    })
    expect(ok).toBe(true)
  }
})

test('a data folder another copy holds: who holds it, and Open anyway once it is provably gone', async ({
  launchBuiltApp,
}) => {
  // Another computer's copy last touched its lock 5 minutes less 6 seconds ago (the app's time).
  const dataDir = join(mkdtempSync(join(tmpdir(), 'incident-tray-held-')), 'data')
  mkdirSync(dataDir)
  const lock = join(dataDir, 'incident-tray.lock')
  const since = '2026-11-23T09:00:00Z'
  writeFileSync(lock, JSON.stringify({ pid: 4242, host: 'other-laptop', since, beat: 60_000 }))
  const touched = (DEFAULT_NOW.getTime() - 5 * 60_000 + 6_000) / 1000
  utimesSync(lock, touched, touched)
  const app = await launchBuiltApp({ dataDir })
  const page = await app.window()
  await expect(
    page.getByText(`Another Incident Tray (process 4242 on other-laptop, since ${since};`),
  ).toBeVisible()
  await expect(
    page.getByText(/the folder is free from \S+, when its lock will have gone/),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open anyway' })).toHaveCount(0)
  // Nobody touches it: once stale, the page says so and offers to open.
  await app.clock.advance(8_000)
  await expect
    .poll(async () => (await app.window()).getByRole('link', { name: 'Open anyway' }).count(), {
      timeout: 20_000,
    })
    .toBe(1)
  const gone = await app.window()
  await expect(gone.getByText('nobody has touched it for 5 minutes')).toBeVisible()
  expect(readFileSync(lock, 'utf8')).toContain('other-laptop')
  await gone.getByRole('link', { name: 'Open anyway' }).click()
  expect(await app.exited).toBe(0)
  expect(app.output().stderr).toContain('stand-in: relaunch requested')
  // The new start, as late as the first one got, takes the lock over.
  const next = await launchBuiltApp({ dataDir, now: new Date(DEFAULT_NOW.getTime() + 10_000) })
  await expect(
    (await next.window()).getByRole('dialog', { name: 'Welcome to Incident Tray' }),
  ).toBeVisible()
  expect(JSON.parse(readFileSync(lock, 'utf8')).host).not.toBe('other-laptop')
})
