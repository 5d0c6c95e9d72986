import { join, resolve } from 'node:path'
import { expect, test } from './fixtures'
import { MIN, recordFromTray } from './helpers'
import { escape, png, trayMenuHtml } from './tray-menu-html'

const ROOT = resolve(import.meta.dirname, '../..')
function notificationHtml(icon: string, title: string, body: string): string {
  return `<style>
    body { margin: 0; font: 14px system-ui, sans-serif; background: #d9dde3; }
    .toast { box-sizing: border-box; position: absolute; right: 16px; top: 16px; width: 360px; background: #fff; border-radius: 10px;
             box-shadow: 0 6px 24px #0004; padding: 12px 14px; display: flex; gap: 12px; }
    img { width: 40px; height: 40px; } h2 { font-size: 14px; margin: 0 0 4px; } p { margin: 0; color: #444; }
    small { color: #666; display: block; margin-bottom: 4px; }
  </style><div class="toast" role="alert"><img alt="" src="${icon}"><div><small>Incident Tray</small><h2>${escape(title)}</h2><p>${escape(body)}</p></div></div>`
}

test('the tray menu and the reminder, drawn from what the built app asked of the desktop', async ({
  launchBuiltApp,
  page: review,
}) => {
  const { app } = await recordFromTray(launchBuiltApp, 'Openverse.org is down', 1)
  await app.clock.advance(50 * MIN)
  const state = await app.state()
  const tray = state.tray!
  expect(tray.image).toMatch(/tray-due-soon\.png$/)

  await review.setViewportSize({ width: 760, height: 260 })
  await review.setContent(trayMenuHtml(png(tray.image), tray.tooltip, tray.menu))
  await expect(review.getByRole('menuitem')).toHaveText(
    tray.menu.filter((i) => i.type !== 'separator').map((i) => i.label),
  )
  await app.screenshot(review, 'app-tray-menu')

  const reminder = state.notifications.find((n) => n.title === 'Status update due in 10 min')!
  await review.setViewportSize({ width: 420, height: 120 })
  await review.setContent(
    notificationHtml(png(join(ROOT, 'assets/icon.png')), reminder.title, reminder.body),
  )
  await expect(review.getByRole('alert')).toContainText(reminder.title)
  await app.screenshot(review, 'app-notification')
})
