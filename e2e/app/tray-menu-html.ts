import { readFileSync } from 'node:fs'
import type { MenuItemInfo } from '../electron-standin/protocol'

export const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
export const png = (path: string) =>
  `data:image/png;base64,${readFileSync(path).toString('base64')}`

/** The tray menu the app kept, drawn as a Linux desktop would list it, for a person to review. */
export function trayMenuHtml(icon: string, tooltip: string, items: MenuItemInfo[]): string {
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
