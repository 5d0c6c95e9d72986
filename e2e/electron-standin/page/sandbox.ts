/**
 * Runs in the page before its own scripts: what Electron gives a sandboxed preload
 * (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts): a `require` that
 * serves only `electron` (contextBridge, ipcRenderer), `events`, `timers` and `url`, and throws
 * for anything else. The display appends the built preload, wrapped as CommonJS.
 *
 * Context isolation is modelled by scope, not by a separate world: the preload's `require` and
 * `ipcRenderer` live in this closure; the page sees only what `exposeInMainWorld` gives it.
 */
type Listener = (...args: unknown[]) => void

interface Bindings {
  __standinIpc(kind: 'invoke' | 'send', channel: string, args: unknown[]): Promise<string>
  __standinWindow(op: 'close' | 'open', url?: string): Promise<string>
}
const host = globalThis as unknown as Bindings & typeof globalThis

class EventEmitter {
  private readonly listeners = new Map<string, Listener[]>()
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  addListener(name: string, listener: Listener): this {
    return this.on(name, listener)
  }
  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped)
      listener(...args)
    }
    return this.on(name, wrapped)
  }
  removeListener(name: string, listener: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== listener),
    )
    return this
  }
  off(name: string, listener: Listener): this {
    return this.removeListener(name, listener)
  }
  removeAllListeners(name?: string): this {
    if (name === undefined) this.listeners.clear()
    else this.listeners.delete(name)
    return this
  }
  emit(name: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(name) ?? []
    for (const listener of list) listener(...args)
    return list.length > 0
  }
  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0
  }
}

// https://www.electronjs.org/docs/latest/api/ipc-renderer
class IpcRenderer extends EventEmitter {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    try {
      return JSON.parse(await host.__standinIpc('invoke', channel, args))
    } catch (err) {
      // What Electron rejects with when the main process handler throws.
      const message = err instanceof Error ? err.message : String(err)
      throw new Error(`Error invoking remote method '${channel}': ${message}`, { cause: err })
    }
  }
  send(channel: string, ...args: unknown[]): void {
    void host.__standinIpc('send', channel, args)
  }
}
const ipcRenderer = new IpcRenderer()

/** Deep copy with functions kept as calls into this world, frozen, as contextBridge does. */
function bridgeCopy(value: unknown): unknown {
  if (typeof value === 'function')
    return (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(...args)
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return Object.freeze(value.map(bridgeCopy))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = bridgeCopy(v)
  return Object.freeze(out)
}

// https://www.electronjs.org/docs/latest/api/context-bridge#contextbridgeexposeinmainworldapikey-api
const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (apiKey in globalThis)
      throw new Error(`Cannot bind an API on top of an existing property on the window object`)
    Object.defineProperty(globalThis, apiKey, { value: bridgeCopy(api), enumerable: true })
  },
}

const modules: Record<string, unknown> = {
  electron: { contextBridge, ipcRenderer },
  events: Object.assign(EventEmitter, { EventEmitter, default: EventEmitter }),
  timers: { setTimeout, clearTimeout, setInterval, clearInterval },
  url: { URL, URLSearchParams },
}
function sandboxedRequire(name: string): unknown {
  if (!(name in modules)) throw new Error(`module not found: ${name}`)
  return modules[name]
}

type Preload = (
  require: (name: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
  process: unknown,
) => void

Object.defineProperty(globalThis, '__standinRunPreload', {
  value: (preload: Preload) => {
    // Preloads run in the main frame only (nodeIntegrationInSubFrames is off).
    if (window !== window.top) return
    const module = { exports: {} }
    preload(sandboxedRequire, module, module.exports, {
      platform: 'linux',
      type: 'renderer',
      sandboxed: true,
      contextIsolated: true,
      env: {},
      versions: {},
    })
  },
})

// Messages from main (webContents.send) arrive here, from the display.
Object.defineProperty(globalThis, '__standinDeliver', {
  value: (channel: string, args: unknown[]) => {
    ipcRenderer.emit(channel, { sender: ipcRenderer }, ...args)
  },
})

// In Electron window.close() closes the BrowserWindow (with its cancellable `close` event);
// window.open and target=_blank links go to the window open handler.
if (window === window.top) {
  window.close = () => void host.__standinWindow('close')
  window.open = (url?: string | URL) => {
    void host.__standinWindow('open', String(url ?? ''))
    return null
  }
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[target="_blank"]')
      if (!(link instanceof HTMLAnchorElement)) return
      event.preventDefault()
      void host.__standinWindow('open', link.href)
    },
    true,
  )
}
