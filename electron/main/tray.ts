import { join } from 'node:path'
import { Menu, nativeImage, Tray } from 'electron'
import type { TrayModel } from '../domain/incident/tray-model'
import type { UiCommand } from '../shared/ipc-contract'

export interface TrayActions {
  record(): void
  quickNote(): void
  openIncident(id: string): void
  /** Shows the window, with a command for it when given. */
  open(command?: UiCommand): void
  settings(): void
  quit(): void
  /** The app's update: Check for updates, Restart to update to X. */
  checkUpdates?(): void
  restartToUpdate?(): void
}

/**
 * Applies a TrayModel. Linux may not deliver clicks, so every action is in the menu.
 *
 * Only what changed is applied: the host hands a model over after every command and deadline
 * look, and on Linux a new menu makes the StatusNotifierItem host rebuild it, closing the menu
 * the user has open.
 */
export class AppTray {
  private readonly tray: Tray
  private lastState = ''
  private lastTooltip = ''
  private lastTitle = ''
  private lastItems = ''

  constructor(
    private readonly assetsDir: string,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(this.icon('idle'))
    // On macOS a click on an icon with a menu emits `click` and then opens the menu
    // (tray_icon_cocoa.mm): opening the window there too would answer every menu choice twice.
    // Elsewhere `click` is a click on the icon itself (Linux: the host's "activation").
    if (process.platform !== 'darwin') this.tray.on('click', () => actions.open())
  }

  apply(model: TrayModel): void {
    if (model.state !== this.lastState) {
      this.tray.setImage(this.icon(model.state))
      this.lastState = model.state
    }
    if (model.tooltip !== this.lastTooltip) {
      this.tray.setToolTip(model.tooltip)
      this.lastTooltip = model.tooltip
    }
    if (process.platform === 'darwin' && model.title !== this.lastTitle) {
      this.tray.setTitle(model.title)
      this.lastTitle = model.title
    }
    const items = JSON.stringify(model.items)
    if (items === this.lastItems) return
    this.lastItems = items
    this.tray.setContextMenu(
      Menu.buildFromTemplate(
        model.items.map((item) => {
          switch (item.kind) {
            case 'separator':
              return { type: 'separator' as const }
            case 'record':
              return { label: item.label, click: () => this.actions.record() }
            case 'open-from-p2':
              return { label: item.label, click: () => this.actions.open({ kind: 'open-from-p2' }) }
            case 'quicknote':
              return { label: item.label, click: () => this.actions.quickNote() }
            case 'settings':
              return { label: item.label, click: () => this.actions.settings() }
            case 'incident':
              return { label: item.label, click: () => this.actions.openIncident(item.id) }
            case 'open':
              return { label: item.label, click: () => this.actions.open() }
            case 'quit':
              return { label: item.label, click: () => this.actions.quit() }
            case 'update-check':
              return { label: item.label, click: () => this.actions.checkUpdates?.() }
            case 'update-restart':
              return { label: item.label, click: () => this.actions.restartToUpdate?.() }
            case 'update-waiting':
              return { label: item.label, enabled: false }
          }
        }),
      ),
    )
  }

  /** Start-up failed: the red icon, what failed in the tooltip, and only what still works. */
  failed(summary: string, actions: { show(): void; openFolder(): void; quit(): void }): void {
    this.tray.setImage(this.icon('overdue'))
    this.lastState = 'failed'
    this.lastItems = ''
    this.lastTooltip = `Incident Tray could not start: ${summary}`
    this.tray.setToolTip(this.lastTooltip)
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Incident Tray could not start', enabled: false },
        { label: 'Show what failed…', click: () => actions.show() },
        { label: 'Open data folder', click: () => actions.openFolder() },
        { type: 'separator' },
        { label: 'Quit Incident Tray', click: () => actions.quit() },
      ]),
    )
  }

  destroy(): void {
    this.tray.destroy()
  }

  private icon(state: TrayModel['state']) {
    // macOS wants monochrome template images that follow the menu bar's colour; macOS draws
    // them in that one colour, so an update due soon or overdue keeps its colour instead.
    const template = process.platform === 'darwin' && (state === 'idle' || state === 'active')
    const name = template ? `tray-${state}Template.png` : `tray-${state}.png`
    const image = nativeImage.createFromPath(join(this.assetsDir, name))
    if (template) image.setTemplateImage(true)
    return image
  }
}
