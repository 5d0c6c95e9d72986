import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const MIN = 60_000

/**
 * A late "Copy update": the comment on the clipboard and the header's countdown name the same
 * instant, the copy's own time plus the cadence. The screenshot shows both side by side, wide and
 * docked.
 */
for (const size of [
  { width: 1280, height: 800 },
  { width: 420, height: 700 },
]) {
  test(`a late Copy update at ${size.width}×${size.height}: the comment and the countdown agree`, async ({
    launchApp,
  }) => {
    const app = await launchApp({ settings: { you: { name: 'Dana' } } })
    const { page, host } = app
    await page.setViewportSize(size)
    const recorded = await host.call('incident:record', {
      title: 'Search requests time out',
      observed: 'Most searches time out after 30 s.',
      severity: 1,
      detection: 'alert',
      recorder: 'Dana',
    })
    if (!recorded.ok) throw new Error(recorded.error.message)
    const id = recorded.value.id
    await host.call('incident:setLead', { id, lead: { kind: 'free', name: 'Dana' } })
    const countdown = page.getByRole('region', { name: 'Next status update' })
    await expect(countdown.getByTestId('countdown')).toBeVisible()

    // Recorded 14:00, due 15:00; the update is copied at 15:40, forty minutes late.
    await app.clock.advance(100 * MIN)
    await expect(countdown.getByRole('status')).toHaveText('Update overdue by')
    await countdown.getByRole('button', { name: 'Copy update' }).click()
    await expect(countdown.getByRole('status')).toHaveText('Next update due in')

    const comment = app.clipboard.text()!
    expect(comment).toContain('Next update due: 2026-11-23 at 16:40 UTC')
    await expect(countdown.locator('time')).toHaveAttribute('datetime', '2026-11-23T16:40:00.000Z')
    await showBeside(page, comment)
    await app.screenshot(`copy-update-late-${size.width}x${size.height}`)
  })
}

/** The copied comment in a box beside the header, for the screenshot only. */
async function showBeside(page: Page, text: string) {
  await page.evaluate((copied) => {
    const box = document.createElement('pre')
    box.setAttribute('aria-hidden', 'true')
    box.textContent = `On the clipboard:\n\n${copied}`
    Object.assign(box.style, {
      position: 'fixed',
      right: '8px',
      bottom: '8px',
      maxWidth: '380px',
      whiteSpace: 'pre-wrap',
      background: '#fffbe6',
      color: '#222',
      border: '2px solid #c90',
      padding: '8px',
      font: '12px/1.4 monospace',
      zIndex: '9999',
    })
    document.body.append(box)
  }, text)
}
