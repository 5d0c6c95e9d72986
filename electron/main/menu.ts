import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  record(): void
  settings(): void
  palette(): void
  quit(): void
}

/**
 * The application menu (macOS) and the window menu: the standard Edit roles make copy, paste and
 * undo work in every field; our own items carry their accelerators so menus show the shortcuts.
 */
export function menuTemplate(mac: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const settingsItem: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.settings(),
  }
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Incident Tray',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            settingsItem,
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { label: 'Quit Incident Tray', accelerator: 'Cmd+Q', click: () => actions.quit() },
          ],
        },
      ]
    : []
  return [
    ...appMenu,
    {
      label: mac ? 'File' : '&File',
      submenu: [
        { label: 'Record incident…', accelerator: 'CmdOrCtrl+N', click: () => actions.record() },
        {
          label: 'Command palette…',
          accelerator: 'CmdOrCtrl+K',
          click: () => actions.palette(),
        },
        ...(mac
          ? [{ role: 'close' } satisfies MenuItemConstructorOptions]
          : [
              { type: 'separator' } satisfies MenuItemConstructorOptions,
              settingsItem,
              { type: 'separator' } satisfies MenuItemConstructorOptions,
              { label: 'Quit', accelerator: 'Ctrl+Q', click: () => actions.quit() },
            ]),
      ],
    },
    {
      label: mac ? 'Edit' : '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: mac ? 'View' : '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
}
