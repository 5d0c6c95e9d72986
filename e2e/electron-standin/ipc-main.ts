/**
 * ipcMain, fed by the display with what the page's ipcRenderer sent and the calling frame's URL
 * (https://www.electronjs.org/docs/latest/api/ipc-main).
 */
import { EventEmitter } from 'node:events'
import type * as Electron from 'electron'
import { serve } from './bridge'
import type { SameArgs } from './types'
import { byId } from './window'

type Handler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown

class StandinIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>()
  // https://www.electronjs.org/docs/latest/api/ipc-main#ipcmainhandlechannel-listener
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  handleOnce(channel: string, listener: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel)
      return listener(event, ...args)
    })
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}
export const ipcMain = new StandinIpcMain() satisfies SameArgs<
  Pick<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>
>

/** ipcRenderer.invoke: the handler gets the sender and its frame's real URL. */
serve('ipc:invoke', async (id: number, frameUrl: string, channel: string, args: unknown[]) => {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`No handler registered for '${channel}'`)
  const win = byId(id)
  const event = {
    sender: win.webContents,
    senderFrame: { url: frameUrl },
    frameId: 1,
    processId: 1,
  } as unknown as Electron.IpcMainInvokeEvent
  // Results go back as one JSON string: Playwright's per-value serialization is slow for big ones.
  const result = await handler(event, ...args)
  return JSON.stringify(result ?? null)
})
serve('ipc:send', (id: number, frameUrl: string, channel: string, args: unknown[]) => {
  const win = byId(id)
  const event = { sender: win.webContents, senderFrame: { url: frameUrl }, returnValue: undefined }
  ipcMain.emit(channel, event, ...args)
})
