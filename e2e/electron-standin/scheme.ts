/**
 * `protocol` (https://www.electronjs.org/docs/latest/api/protocol): custom schemes registered as
 * privileged before 'ready', and their handlers. The display (test process) asks for each
 * request a page makes on such a scheme, and the app's own handler answers it, as in Electron.
 */
import { app } from './app'
import { serve } from './bridge'
import type { SameArgs } from './types'

type Handler = Parameters<Electron.Protocol['handle']>[1]
const privileged = new Map<string, Electron.Privileges>()
const handlers = new Map<string, Handler>()

export const protocol = {
  // "This method can only be used before the ready event of the app module gets emitted."
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (app.isReady()) {
      throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready')
    }
    for (const { scheme, privileges } of customSchemes) privileged.set(scheme, privileges ?? {})
  },
  // "All methods unless specified can only be used after the ready event ... gets emitted."
  handle(scheme: string, handler: Handler): void {
    if (!app.isReady()) throw new Error('protocol.handle must be called after the app is ready')
    if (handlers.has(scheme)) throw new Error(`the ${scheme} scheme is already handled`)
    handlers.set(scheme, handler)
  },
  isProtocolHandled(scheme: string): Promise<boolean> {
    return Promise.resolve(handlers.has(scheme))
  },
} satisfies SameArgs<
  Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'isProtocolHandled'>
>

/**
 * The schemes a page can be served from: handled, and registered as standard and secure (a
 * scheme that is not standard has no origin of its own, so module scripts would not load).
 */
export function servedSchemes(): string[] {
  return [...handlers.keys()].filter(
    (s) => privileged.get(s)?.standard && privileged.get(s)?.secure,
  )
}

export interface SchemeResponse {
  status: number
  headers: Record<string, string>
  /** base64 */
  body: string
}

serve('protocol:schemes', servedSchemes)
serve('protocol:fetch', async (url: string, method: string): Promise<SchemeResponse> => {
  const scheme = new URL(url).protocol.slice(0, -1)
  const handler = handlers.get(scheme)
  // Electron: a scheme nobody handles fails to load (net::ERR_UNKNOWN_URL_SCHEME).
  if (!handler || !servedSchemes().includes(scheme)) return { status: 0, headers: {}, body: '' }
  const response = await handler(new Request(url, { method }))
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
  }
})
