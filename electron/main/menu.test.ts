import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate } from './menu'

const calls: string[] = []
const actions = {
  record: () => calls.push('record'),
  settings: () => calls.push('settings'),
  palette: () => calls.push('palette'),
  quit: () => calls.push('quit'),
}

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('menuTemplate', () => {
  for (const mac of [true, false]) {
    it(`has the Edit roles and our accelerators (${mac ? 'macOS' : 'Windows/Linux'})`, () => {
      const all = items(menuTemplate(mac, actions))
      const roles = all.map((i) => i.role).filter(Boolean)
      expect(roles).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
      )
      const accel = (label: RegExp) => all.find((i) => label.test(i.label ?? ''))?.accelerator
      expect(accel(/^Record incident/)).toBe('CmdOrCtrl+N')
      expect(accel(/^Settings/)).toBe('CmdOrCtrl+,')
      expect(accel(/^Command palette/)).toBe('CmdOrCtrl+K')
    })
  }

  it('puts the application menu first only on macOS', () => {
    expect(menuTemplate(true, actions)[0]?.label).toBe('Incident Tray')
    expect(menuTemplate(false, actions)[0]?.label).toBe('&File')
  })

  it('runs the action of each item', () => {
    calls.length = 0
    const all = items(menuTemplate(false, actions))
    for (const label of [/^Record/, /^Command palette/, /^Settings/]) {
      const click = all.find((i) => label.test(i.label ?? ''))?.click as (() => void) | undefined
      click?.()
    }
    expect(calls).toEqual(['record', 'palette', 'settings'])
  })
})
