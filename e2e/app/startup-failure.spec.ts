import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
