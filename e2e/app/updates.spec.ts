import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import type { AppUpdateView } from '../../electron/shared/app-update-contract'
import type { BuiltApp, LaunchBuiltAppOptions } from '../electron-standin/launch'
import { openPanel } from '../workspace'
import { expect, test } from './fixtures'
import { call, fillRecord, incidentIds, MIN, skipSetup } from './helpers'
import { png, trayMenuHtml } from './tray-menu-html'
import { ARTIFACT, packagedWith, startUpdateFeed, type UpdateFeed } from './update-feed'

/**
 * The app updating itself: the built app runs as a packaged AppImage (the stand-in reports
 * `app.isPackaged`, `process.resourcesPath` holds the app-update.yml packaging writes, APPIMAGE
 * names a temp file), electron-updater itself runs, and its feed is a real local HTTP server.
 */
const HOUR = 60 * MIN
const FIRST_CHECK = 30_000

const it = test.extend<{
  feed: UpdateFeed
  launch: (options?: LaunchBuiltAppOptions) => Promise<BuiltApp>
}>({
  // eslint-disable-next-line no-empty-pattern
  feed: async ({}, use) => {
    const feed = await startUpdateFeed('current')
    await use(feed)
    await feed.close()
  },
  // Quits its apps before the feed (and the AppImage beside it) is taken away.
  launch: async ({ feed, launchBuiltApp }, use) => {
    const apps: BuiltApp[] = []
    await use(async (options) => {
      const app = await launchBuiltApp({ ...packagedWith(feed), ...options })
      apps.push(app)
      return app
    })
    for (const app of apps) await app.quit()
  },
})

async function update(page: Page): Promise<AppUpdateView> {
  const result = await call<AppUpdateView>(page, 'appUpdate:get')
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
const checks = (feed: UpdateFeed) => feed.requests.filter((p) => p === '/latest-linux.yml').length
const trayLabels = async (app: BuiltApp) => (await app.state()).tray!.menu.map((i) => i.label)

async function started(launch: (o?: LaunchBuiltAppOptions) => Promise<BuiltApp>) {
  const app = await launch()
  const page = await app.window()
  await skipSetup(page)
  return { app, page }
}

async function openAbout(app: BuiltApp, page: Page) {
  await app.tray.click('Settings…')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('button', { name: 'About & updates' }).click()
  return settings
}

/** Nothing interrupted the user: no dialog, no notification, no notice in the window. */
async function quiet(app: BuiltApp, page: Page) {
  const state = await app.state()
  expect(state.dialogs).toEqual([])
  expect(state.notifications).toEqual([])
  await expect(page.getByRole('region', { name: 'App update' })).toHaveCount(0)
}

it('no update: one quiet check after start, then every four hours; nothing shown', async ({
  feed,
  launch,
}) => {
  const { app, page } = await started(launch)
  // The window came up without waiting for the feed.
  expect(feed.requests).toEqual([])
  await app.clock.advance(FIRST_CHECK)
  await expect.poll(() => checks(feed)).toBe(1)
  await expect.poll(async () => (await update(page)).status).toBe('Up to date (checked just now).')
  expect(await trayLabels(app)).toContain('Check for updates')
  expect((await trayLabels(app)).filter((l) => /Restart|ready/.test(l))).toEqual([])
  await quiet(app, page)

  await app.clock.advance(4 * HOUR - MIN)
  expect(checks(feed)).toBe(1)
  await app.clock.advance(MIN)
  await expect.poll(() => checks(feed)).toBe(2)
  await quiet(app, page)
})

it('a newer version downloads with progress; restart is offered only once no incident is active, and keeps the retro draft', async ({
  feed,
  launch,
  page: review,
}) => {
  feed.mode = 'newer'
  feed.holdAt(61_936)
  const { app, page } = await started(launch)
  await app.tray.click('Record incident…')
  await fillRecord(page, 'Search answers 500', 2)
  const id = incidentIds(app.dataDir)[0]!

  await app.clock.advance(FIRST_CHECK)
  await expect.poll(async () => (await update(page)).state).toMatchObject({ kind: 'downloading' })
  // The first 61,936 bytes are in electron-updater's cache (under the profile's ~/.cache).
  const pending = join(dirname(dirname(app.dataDir)), '.cache/incident-tray-updater/pending')
  const received = () =>
    readdirSync(pending)
      .filter((name) => name.startsWith('temp-'))
      .map((name) => statSync(join(pending, name)).size)[0]
  await expect.poll(() => (existsSync(pending) ? received() : 0)).toBe(61_936)
  // It reports progress at most once a second: a second passes, then 64 bytes arrive.
  await app.clock.advance(2_000)
  feed.release(62_000)
  const settings = await openAbout(app, page)
  await expect(settings.getByRole('status', { name: 'Update status' })).toHaveText(
    'Downloading 1.4.0… 62%',
  )
  await expect(settings.getByRole('progressbar', { name: 'Downloading 1.4.0' })).toHaveAttribute(
    'value',
    '62',
  )
  await app.setWindowBounds(page, { x: 0, y: 0, width: 1280, height: 800 })
  await app.screenshot(page, 'app-update-downloading')
  await app.setWindowBounds(page, { x: 0, y: 0, width: 420, height: 700 })
  await app.screenshot(page, 'app-update-downloading-compact')
  await page.keyboard.press('Escape')

  feed.release()
  await expect.poll(async () => (await update(page)).state.kind).toBe('ready')
  expect(feed.requests).toContain(`/${ARTIFACT}`)
  // While the incident is active the update waits: no restart anywhere, and the host refuses one.
  const notice = page.getByRole('region', { name: 'App update' })
  await expect(notice).toContainText(
    'Update 1.4.0 ready — it will wait until no incident is active',
  )
  await expect(notice.getByRole('button', { name: /Restart to update/ })).toHaveCount(0)
  const waiting = (await app.state()).tray!.menu.find((i) => i.label.startsWith('Update 1.4.0'))
  expect(waiting).toMatchObject({ enabled: false })
  expect(await trayLabels(app)).not.toContain('Restart to update to 1.4.0')
  expect(await call(page, 'appUpdate:install')).toMatchObject({
    ok: false,
    error: { message: /it will wait until no incident is active \(1 active now\)/ },
  })
  await app.screenshot(page, 'app-update-waits-compact')
  await app.setWindowBounds(page, { x: 0, y: 0, width: 1280, height: 800 })
  await app.screenshot(page, 'app-update-waits')

  await resolve(page, id)
  await expect(notice.getByRole('button', { name: 'Restart to update to 1.4.0' })).toBeVisible()
  expect(await trayLabels(app)).toContain('Restart to update to 1.4.0')
  // The release notes are text: the script in them never ran; a generic feed has no release page.
  await notice.getByRole('button', { name: 'What changed' }).click()
  await expect(notice.getByLabel('Release notes')).toContainText(
    'The publishing password stays with its own site.',
  )
  await expect(notice.getByLabel('Release notes')).not.toContainText('pwned')
  expect(await page.evaluate(() => 'pwned' in window)).toBe(false)
  await app.screenshot(page, 'app-update-restart')
  await app.setWindowBounds(page, { x: 0, y: 0, width: 420, height: 700 })
  await app.screenshot(page, 'app-update-restart-compact')
  await app.setWindowBounds(page, { x: 0, y: 0, width: 1280, height: 800 })
  const tray = (await app.state()).tray!
  await review.setViewportSize({ width: 760, height: 300 })
  await review.setContent(trayMenuHtml(png(tray.image), tray.tooltip, tray.menu))
  await app.screenshot(review, 'app-tray-restart-to-update')

  // A retrospective being typed when the tray's Restart is chosen: saved first, then installed.
  await openPanel(page, 'Retrospective')
  await page.getByRole('button', { name: 'Retrospective', exact: true }).click()
  const retro = page.getByRole('dialog', { name: /Retrospective:/ })
  await retro.getByLabel('What worked well').fill('The rollback took two minutes.')
  await app.tray.click('Restart to update to 1.4.0')
  expect(await app.exited).toBe(0)
  // Installed: the AppImage is now the new version, and the new version was started.
  expect(readFileSync(feed.appImage)).toEqual(feed.artifact)
  await expect
    .poll(() => existsSync(join(dirname(feed.appImage), 'new-version-started')))
    .toBe(true)

  const again = await launch({ dataDir: app.dataDir })
  const reopened = await again.window()
  // The new start follows the old one's exit at once: wait until its page is connected.
  await expect
    .poll(() => reopened.evaluate(() => typeof (window as { api?: unknown }).api))
    .toBe('object')
  const snapshot = await call<{ notices: unknown[] }>(reopened, 'state:get')
  // The data folder was closed cleanly: nothing to repair.
  expect(snapshot).toMatchObject({ ok: true, value: { notices: [] } })
  expect(await call(reopened, 'retro:get', { id })).toMatchObject({
    ok: true,
    value: { draft: { workedWell: 'The rollback took two minutes.' } },
  })
})

it('on battery the download waits for mains power', async ({ feed, launch }) => {
  feed.mode = 'newer'
  const app = await launch({ env: { ...packagedWith(feed).env, STANDIN_ON_BATTERY: '1' } })
  const page = await app.window()
  await skipSetup(page)
  await app.clock.advance(FIRST_CHECK)
  await expect
    .poll(async () => (await update(page)).status)
    .toBe('Version 1.4.0 is available; it downloads when the computer is on mains power.')
  expect(feed.requests).toEqual(['/latest-linux.yml'])
  await app.powerMonitor.emit('on-ac')
  await expect.poll(async () => (await update(page)).state.kind).toBe('ready')
  expect(feed.requests).toEqual(['/latest-linux.yml', `/${ARTIFACT}`])
})

it('a tampered download is refused and deleted, nothing installed; it is tried again later', async ({
  feed,
  launch,
}) => {
  feed.mode = 'tampered'
  const { app, page } = await started(launch)
  await app.clock.advance(FIRST_CHECK)
  await expect.poll(async () => (await update(page)).state.kind).toBe('failed')
  expect((await update(page)).status).toBe(
    "Could not update (the download of 1.4.0 did not match the release's sha512 checksum, so it was deleted and nothing was installed). Trying again in 30 min.",
  )
  expect(readFileSync(feed.appImage, 'utf8')).toContain('Incident Tray 0.1.0')
  expect((await trayLabels(app)).filter((l) => /Restart|ready/.test(l))).toEqual([])
  await quiet(app, page)
  const settings = await openAbout(app, page)
  await expect(settings.getByRole('status', { name: 'Update status' })).toContainText(
    'did not match the release',
  )

  // The release is fixed: the retry half an hour later downloads it.
  feed.mode = 'newer'
  await app.clock.advance(30 * MIN)
  await expect.poll(async () => (await update(page)).state.kind).toBe('ready')
  expect(checks(feed)).toBe(2)
})

it('the feed answering HTML or down: a quiet retry later, no dialog', async ({ feed, launch }) => {
  feed.mode = 'html'
  const { app, page } = await started(launch)
  await app.clock.advance(FIRST_CHECK)
  await expect
    .poll(async () => (await update(page)).status)
    .toBe(
      'Could not update (the update server did not answer with an update description). Trying again in 30 min.',
    )
  await quiet(app, page)

  feed.mode = 'down'
  await app.clock.advance(30 * MIN - MIN)
  expect(checks(feed)).toBe(1)
  await app.clock.advance(MIN)
  await expect
    .poll(async () => (await update(page)).status)
    .toBe('Could not update (the update server could not be reached). Trying again in 60 min.')
  expect(checks(feed)).toBe(2)
  await quiet(app, page)

  feed.mode = 'current'
  await app.clock.advance(HOUR)
  await expect.poll(async () => (await update(page)).status).toBe('Up to date (checked just now).')
  expect(checks(feed)).toBe(3)
})

it('"Check for updates" in the tray checks now, also with automatic checks turned off', async ({
  feed,
  launch,
}) => {
  const { app, page } = await started(launch)
  const settings = await openAbout(app, page)
  await settings.getByRole('checkbox', { name: /Check for updates automatically/ }).uncheck()
  await expect
    .poll(async () => await call<{ settings: { updates: unknown } }>(page, 'state:get'))
    .toMatchObject({ ok: true, value: { settings: { updates: { checkAutomatically: false } } } })
  await app.clock.advance(5 * HOUR)
  expect(checks(feed)).toBe(0)
  await expect(settings.getByRole('status', { name: 'Update status' })).toHaveText(
    'Not checked for updates yet.',
  )

  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()
  await app.tray.click('Check for updates')
  await expect.poll(() => checks(feed)).toBe(1)
  // The answer is where it is kept: the tray opened Settings → About & updates.
  await expect(settings.getByRole('status', { name: 'Update status' })).toHaveText(
    'Up to date (checked just now).',
  )
})

/** Stabilized, every communication ticked, then Resolved, through the window's API. */
async function resolve(page: Page, id: string) {
  for (const [to, summary] of [
    ['stabilized', 'Rolled back the search release'],
    ['resolved', 'Fixed the index mapping'],
  ] as const) {
    const outputs = await call<{ checklist: { id: string }[] }>(page, 'comms:outputs', { id })
    for (const item of outputs.ok ? outputs.value.checklist : [])
      await call(page, 'comms:check', { id, item: item.id, done: true })
    expect(await call(page, 'incident:move', { id, to, summary })).toEqual({
      ok: true,
      value: expect.anything(),
    })
  }
}
