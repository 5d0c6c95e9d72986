/**
 * Menu and MenuItem: the template is kept, so the test can list it and click an item by label
 * (https://www.electronjs.org/docs/latest/api/menu, https://www.electronjs.org/docs/latest/api/menu-item).
 */
import type * as Electron from 'electron'
import type { MenuItemInfo } from './protocol'
import type { SameArgs } from './types'

// Labels Electron gives role items on Linux (https://www.electronjs.org/docs/latest/api/menu-item#roles).
const ROLE_LABELS: Record<string, string> = {
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  togglefullscreen: 'Toggle Full Screen',
  windowMenu: 'Window',
  close: 'Close Window',
  quit: 'Quit',
  about: 'About',
  hide: 'Hide',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
}

export class StandinMenuItem {
  readonly label: string
  readonly type: NonNullable<Electron.MenuItemConstructorOptions['type']>
  readonly role: string | undefined
  readonly accelerator: string | undefined
  readonly enabled: boolean
  readonly submenu: StandinMenu | undefined
  readonly click: (item: StandinMenuItem) => void

  constructor(options: Electron.MenuItemConstructorOptions) {
    this.role = options.role
    this.label = options.label ?? (options.role ? (ROLE_LABELS[options.role] ?? options.role) : '')
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal')
    this.accelerator = options.accelerator
    this.enabled = options.enabled ?? true
    const sub = options.submenu
    this.submenu =
      sub instanceof StandinMenu
        ? sub
        : Array.isArray(sub)
          ? StandinMenu.buildFromTemplate(sub as Electron.MenuItemConstructorOptions[])
          : undefined
    const onClick = options.click
    this.click = (item) =>
      onClick?.(item as unknown as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent)
  }

  info(): MenuItemInfo {
    return {
      label: this.label,
      type: this.type,
      enabled: this.enabled,
      ...(this.role ? { role: this.role } : {}),
      ...(this.accelerator ? { accelerator: this.accelerator } : {}),
      ...(this.submenu ? { submenu: this.submenu.info() } : {}),
    }
  }
}

let applicationMenu: StandinMenu | null = null

export class StandinMenu {
  readonly items: StandinMenuItem[] = []

  static buildFromTemplate(
    template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>,
  ): StandinMenu {
    const menu = new StandinMenu()
    for (const entry of template)
      menu.items.push(
        entry instanceof StandinMenuItem
          ? entry
          : new StandinMenuItem(entry as Electron.MenuItemConstructorOptions),
      )
    return menu
  }
  static setApplicationMenu(menu: Electron.Menu | null): void {
    applicationMenu = menu as unknown as StandinMenu | null
  }
  static getApplicationMenu(): StandinMenu | null {
    return applicationMenu
  }

  append(menuItem: Electron.MenuItem): void {
    this.items.push(menuItem as unknown as StandinMenuItem)
  }
  info(): MenuItemInfo[] {
    return this.items.map((item) => item.info())
  }
  /** Clicks the enabled item with this label, searching submenus too. */
  click(label: string): boolean {
    for (const item of this.items) {
      if (item.label === label && item.enabled && item.type !== 'submenu') {
        item.click(item)
        return true
      }
      if (item.submenu?.click(label)) return true
    }
    return false
  }
}

export const Menu = StandinMenu satisfies SameArgs<
  Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu' | 'getApplicationMenu'>
> &
  (new () => SameArgs<Pick<Electron.Menu, 'append'>>)
export const MenuItem = StandinMenuItem satisfies new (
  options: Electron.MenuItemConstructorOptions,
) => SameArgs<Pick<Electron.MenuItem, 'label' | 'type' | 'enabled'>>
