import { expect, test } from './fixtures'
import { call, fillRecord, skipSetup } from './helpers'

test('navigation away and window.open are refused; https links go to the system browser, javascript: ones nowhere', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  const appUrl = page.url()

  // A link in a note, clicked as the user would: it opens in the system browser, not here.
  await app.tray.click('Record incident…')
  await fillRecord(page, 'Search is slow', 2)
  const note = page.getByRole('textbox', { name: 'Note' })
  await note.fill('Latency graph: https://grafana.example.org/d/api')
  await note.press('Enter')
  await page.getByRole('link', { name: 'https://grafana.example.org/d/api' }).click()
  await expect
    .poll(async () => (await app.state()).openedExternal)
    .toEqual(['https://grafana.example.org/d/api'])
  expect((await app.state()).windows).toHaveLength(1)

  // window.open: denied, whatever the URL; https reaches the system browser, http only after
  // the user says yes in a message box (Cancel first, then Open link), the rest never.
  await app.dialog.answer({ response: 1 })
  await page.evaluate(() => {
    window.open('javascript:alert(1)')
    window.open('smb://host/share')
    window.open('http://plain.example.org/')
  })
  await expect.poll(async () => (await app.state()).dialogs.length).toBe(1)
  await app.dialog.answer({ response: 0 })
  await page.evaluate(() => {
    window.open('http://plain.example.org/yes')
    window.open('https://docs.openverse.org/')
  })
  // The http one waits for the message box, so the two may arrive in either order.
  await expect
    .poll(async () => [...(await app.state()).openedExternal].sort())
    .toEqual([
      'http://plain.example.org/yes',
      'https://docs.openverse.org/',
      'https://grafana.example.org/d/api',
    ])
  expect((await app.state()).dialogs.map((d) => d.kind)).toEqual(['message', 'message'])

  // Navigating the app's window to another origin is refused in will-navigate.
  await page.evaluate(() => {
    location.href = 'https://evil.example.com/'
  })
  await expect(page.getByRole('region', { name: 'Search is slow' })).toBeVisible()
  expect(page.url()).toBe(appUrl)
  // A lookalike on the app's own host: another page than index.html is not the app either.
  await page.evaluate(() => {
    location.href = '/other.html'
  })
  await expect(page.getByRole('region', { name: 'Search is slow' })).toBeVisible()
  expect(page.url()).toBe(appUrl)
  expect((await app.state()).windows.map((w) => w.url)).toEqual(['app://incident-tray/index.html'])
})

test('the page comes from app://incident-tray, served only from the renderer folder; every permission is denied', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  expect((await app.state()).windows.map((w) => w.url)).toEqual(['app://incident-tray/index.html'])
  // The handler serves the renderer's files, and nothing beside them (out/main/index.js is one
  // folder up: an escaped '..' must not reach it).
  const status = (path: string) => page.evaluate(async (p) => (await fetch(p)).status, path)
  expect(await status('/index.html')).toBe(200)
  expect(await status('/..%2fmain%2findex.js')).toBe(404)
  expect(await status('/assets/..%2f..%2fmain%2findex.js')).toBe(404)
  expect(await status('/nothing-here.js')).toBe(404)

  // The app uses no web permission: each is refused, asked or checked, whoever asks.
  for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) {
    expect(await app.permissions.request(1, permission, 'app://incident-tray'), permission).toBe(
      false,
    )
    expect(await app.permissions.check(1, permission, 'app://incident-tray'), permission).toBe(
      false,
    )
  }
  expect((await app.state()).permissionHandlers).toEqual({ request: true, check: true })
})

test('a packaged app ignores ELECTRON_RENDERER_URL and loads its own page', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp({
    packaged: true,
    env: { ELECTRON_RENDERER_URL: 'https://evil.example.org/' },
  })
  const page = await app.window()
  await skipSetup(page)
  expect((await app.state()).windows.map((w) => w.url)).toEqual(['app://incident-tray/index.html'])
  expect((await call(page, 'state:get')).ok).toBe(true)
})

test('an IPC call from a frame that is not the app’s page is refused', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  // The app's own page may call.
  expect((await call(page, 'state:get')).ok).toBe(true)

  // A frame with another URL, sending on the same channel the preload uses.
  const frameResult = await page.evaluate(async () => {
    const frame = document.createElement('iframe')
    frame.src = 'about:blank'
    document.body.append(frame)
    await new Promise((resolve) => setTimeout(resolve, 0))
    const send = (
      frame.contentWindow as unknown as {
        __standinIpc(kind: string, channel: string, args: unknown[]): Promise<string>
      }
    ).__standinIpc
    return JSON.parse(await send('invoke', 'incident:record', [{ title: 'x', severity: 1 }]))
  })
  expect(frameResult).toEqual({
    ok: false,
    error: { code: 'forbidden', message: 'Only the app’s own windows may call the app.' },
  })
  // The frame got no window.api: preloads run in the main frame only.
  expect(
    await page.evaluate(() => 'api' in (document.querySelector('iframe')!.contentWindow as object)),
  ).toBe(false)
})

test('a title is shown as it will be stored: no control or bidi-override characters', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  await app.tray.click('Record incident…')
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  // U+202E would show "invoice‮gnp.exe" as "invoiceexe.png" in the tray and notifications.
  await dialog.getByLabel('Title').fill('invoice\u202Egnp.exe\u0007 down')
  await expect(dialog.getByLabel('Title')).toHaveValue('invoicegnp.exe down')
  await dialog.getByRole('radio', { name: /Severity 2/ }).check()
  const you = dialog.getByLabel('Recorded by (you)')
  if ((await you.inputValue()) === '') await you.fill('Dana')
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(page.getByRole('region', { name: 'invoicegnp.exe down' })).toBeVisible()
  await expect
    .poll(async () => (await app.state()).tray?.menu.map((m) => m.label))
    .toContain('Severity 2 · Stabilization pending · invoicegnp.exe down — update due in 24 h')
})
