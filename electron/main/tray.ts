import { join } from 'node:path'
import { Menu, nativeImage, Tray } from 'electron'
import type { TrayModel } from '../domain/incident/tray-model'

export interface TrayActions {
  record(): void
  quickNote(): void
  openIncident(id: string): void
  open(): void
  settings(): void
  quit(): void
}

/** Applies a TrayModel. Linux may not deliver clicks, so every action is in the menu. */
export class AppTray {
  private readonly tray: Tray
  private lastState = ''

  constructor(
    private readonly assetsDir: string,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(this.icon('idle'))
    this.tray.on('click', () => actions.open())
  }

  apply(model: TrayModel): void {
    if (model.state !== this.lastState) {
      this.tray.setImage(this.icon(model.state))
      this.lastState = model.state
    }
    this.tray.setToolTip(model.tooltip)
    if (process.platform === 'darwin') this.tray.setTitle(model.title)
    this.tray.setContextMenu(
      Menu.buildFromTemplate(
        model.items.map((item) => {
          switch (item.kind) {
            case 'separator':
              return { type: 'separator' as const }
            case 'record':
              return { label: item.label, click: () => this.actions.record() }
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
          }
        }),
      ),
    )
  }

  /** Start-up failed: the red icon, what failed in the tooltip, and only what still works. */
  failed(summary: string, actions: { show(): void; openFolder(): void; quit(): void }): void {
    this.tray.setImage(this.icon('overdue'))
    this.lastState = 'failed'
    this.tray.setToolTip(`Incident Tray could not start: ${summary}`)
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
    // macOS wants monochrome template images that follow the menu bar's colour.
    const name = process.platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`
    const image = nativeImage.createFromPath(join(this.assetsDir, name))
    if (process.platform === 'darwin') image.setTemplateImage(true)
    return image
  }
}
