import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { ELECTRON_SECURITY_DEFAULTS } from '../electron-standin/protocol'
import { expect, test } from './fixtures'
import { recordFromTray, skipSetup } from './helpers'

/**
 * Electron's secure defaults, held by what the built app does rather than by its source text:
 * every window it opens keeps them, and its page enforces its content security policy.
 */

test('every window the app opens keeps context isolation, the sandbox, no Node and web security', async ({
  launchBuiltApp,
}) => {
  // The quick-note box is offered once there is an incident to note on.
  const { app } = await recordFromTray(launchBuiltApp, 'Search is slow', 2)
  await app.tray.click('Quick note…')
  const box = await app.window('quick-note')
  await expect(box.getByRole('textbox')).toBeVisible()

  // A data folder that cannot be opened: the app shows its start-up failure window instead.
  const broken = join(mkdtempSync(join(tmpdir(), 'incident-tray-broken-')), 'data')
  writeFileSync(broken, 'not a folder')
  const failed = await launchBuiltApp({ dataDir: broken })
  const failure = await failed.window()
  await expect(
    failure.getByRole('heading', { name: 'Incident Tray could not start' }),
  ).toBeVisible()

  const windows = [...(await app.state()).windows, ...(await failed.state()).windows]
  expect(windows.map((w) => w.title)).toEqual(
    expect.arrayContaining(['Incident Tray', 'Quick note']),
  )
  expect(windows.length).toBeGreaterThanOrEqual(3)
  for (const w of windows) expect(w.security, w.title).toEqual(ELECTRON_SECURITY_DEFAULTS)
})

/** The CSP violations the page reported while `act` ran, by directive. */
async function violations(page: Page, act: () => Promise<void>): Promise<string[]> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __violations: string[] }).__violations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective))
  })
  await act()
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
}

test('the page enforces its policy: no eval, no inline script, no request to another origin', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  const reported = await violations(page, async () => {
    // A string timer is eval (DevTools' own evaluation is exempt from the policy; a timer is not).
    await page.evaluate(() => {
      const later = setTimeout as unknown as (code: string, ms: number) => number
      later('window.__evalRan = true', 0)
    })
    const inline = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.append(script)
      await new Promise((resolve) => requestAnimationFrame(resolve))
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false
    })
    expect(inline).toBe(false)
    const fetched = await page.evaluate(() =>
      fetch('https://example.org/collect').then(
        () => 'sent',
        (err: Error) => err.name,
      ),
    )
    expect(fetched).toBe('TypeError')
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length),
      )
      .toBeGreaterThanOrEqual(3)
  })
  expect(new Set(reported)).toEqual(new Set(['script-src', 'script-src-elem', 'connect-src']))
  expect(await page.evaluate(() => 'evalRan' in window || '__evalRan' in window)).toBe(false)
  // The app's own page still works under it.
  await expect(page.getByRole('button', { name: /Record incident/ }).first()).toBeVisible()
})
