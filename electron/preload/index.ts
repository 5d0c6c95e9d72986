import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createApi } from './api'

contextBridge.exposeInMainWorld(
  'api',
  createApi({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(channel, handler)
      return () => ipcRenderer.removeListener(channel, handler)
    },
  }),
)
