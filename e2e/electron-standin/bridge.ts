/** The child's end of the channel to the display (see protocol.ts). */
import type { Message, Request, WindowEvent } from './protocol'

type Handler = (...args: never[]) => unknown
const handlers = new Map<string, Handler>()
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
let nextId = 1

function send(message: Message): void {
  // Without a display (the app started by hand) the stand-in runs headless.
  if (process.connected) process.send?.(message)
}

export function notify(event: WindowEvent): void {
  send({ type: 'event', event })
}

/** Asks the display (it holds the pages) and waits for its answer. */
export function request<T>(method: string, ...args: unknown[]): Promise<T> {
  if (!process.connected) return Promise.reject(new Error(`no display for ${method}`))
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: (v) => resolve(v as T), reject })
    send({ type: 'request', id, method, args })
  })
}

/** What the test (or the page, through the display) may ask of the stand-in. */
export function serve<A extends unknown[]>(method: string, fn: (...args: A) => unknown): void {
  handlers.set(method, fn as unknown as Handler)
}

async function answer(message: Request): Promise<void> {
  const fn = handlers.get(message.method)
  try {
    if (!fn) throw new Error(`the stand-in has no ${message.method}`)
    const value = await (fn as (...args: unknown[]) => unknown)(...message.args)
    send({ type: 'response', id: message.id, ok: true, value })
  } catch (err) {
    send({ type: 'response', id: message.id, ok: false, error: String(err) })
  }
}

process.on('message', (raw) => {
  const message = raw as Message
  if (message.type === 'request') void answer(message)
  else if (message.type === 'response') {
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.ok) waiter?.resolve(message.value)
    else waiter?.reject(new Error(message.error))
  }
})
// The channel must not keep a quitting app alive, nor keep a headless one from exiting.
process.channel?.unref()
