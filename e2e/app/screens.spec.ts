import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { MenuItemInfo } from '../electron-standin/protocol'
import { expect, test } from './fixtures'
import { MIN, recordFromTray } from './helpers'

const ROOT = resolve(import.meta.dirname, '../..')
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
const png = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`

/** The tray menu the app kept, drawn as a Linux desktop would list it, for a person to review. */
function trayMenuHtml(icon: string, tooltip: string, items: MenuItemInfo[]): string {
  const rows = items
    .map((i) =>
      i.type === 'separator'
        ? '<li role="separator"></li>'
        : `<li role="menuitem" aria-disabled="${!i.enabled}">${escape(i.label)}</li>`,
    )
    .join('')
  return `<style>
    body { margin: 0; font: 14px system-ui, sans-serif; background: #d9dde3; }
    .bar { background: #1f2328; height: 30px; display: flex; justify-content: flex-end; align-items: center; padding: 0 12px; }
    .bar img { width: 20px; height: 20px; }
    .tip { position: absolute; right: 12px; top: 34px; background: #333; color: #fff; padding: 4px 8px; border-radius: 4px; font-size: 12px; }
    ul { list-style: none; margin: 0; padding: 6px 0; position: absolute; right: 12px; top: 64px; background: #fff;
         border-radius: 8px; box-shadow: 0 6px 24px #0004; min-width: 320px; }
    li[role=menuitem] { padding: 7px 16px; white-space: nowrap; } li[role=menuitem]:first-child { font-weight: 600; }
    li[role=separator] { border-top: 1px solid #ddd; margin: 5px 0; }
  </style><div class="bar"><img alt="tray icon" src="${icon}"></div><div class="tip">${escape(tooltip)}</div><ul role="menu">${rows}</ul>`
}

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
