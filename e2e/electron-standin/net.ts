/**
 * What electron-updater uses of Electron beyond the app: `net.request` over a session from
 * `session.fromPartition`, and the built-in `autoUpdater` it emits `before-quit-for-update` on.
 * Requests are real HTTP (Node's http/https), so the test's feed is a real local server.
 */
import { EventEmitter } from 'node:events'
import http from 'node:http'
import https from 'node:https'
import type { SameArgs } from './types'

type Options = Electron.ClientRequestConstructorOptions

/** Every URL the app requested, for the test to read (`state().requests`). */
export const netRequests: string[] = []

function urlOf(options: Options | string): string {
  if (typeof options === 'string') return options
  if (options.url) return options.url
  const port = options.port ? `:${options.port}` : ''
  return `${options.protocol ?? 'http:'}//${options.hostname ?? options.host}${port}${options.path ?? '/'}`
}

/**
 * https://www.electronjs.org/docs/latest/api/client-request: `response` with an IncomingMessage
 * (a readable stream with statusCode, statusMessage, headers), `redirect` in `manual` mode (the
 * request is cancelled unless followRedirect() is called at once), `error`, `abort`.
 */
export class StandinClientRequest extends EventEmitter {
  private readonly request: http.ClientRequest
  private followed = false

  constructor(options: Options | string) {
    super()
    const url = urlOf(options)
    const opts = typeof options === 'string' ? {} : options
    netRequests.push(url)
    const headers = { ...(opts.headers ?? {}) } as http.OutgoingHttpHeaders
    const client = url.startsWith('https:') ? https : http
    this.request = client.request(url, { method: opts.method ?? 'GET', headers }, (response) => {
      const status = response.statusCode ?? 0
      const location = response.headers.location
      if (status >= 300 && status < 400 && location && opts.redirect === 'manual') {
        response.resume()
        this.emit('redirect', status, opts.method ?? 'GET', new URL(location, url).href, {})
        if (!this.followed) this.abort()
        return
      }
      this.emit('response', response)
    })
    this.request.on('error', (error) => this.emit('error', error))
  }

  setHeader(name: string, value: string): void {
    this.request.setHeader(name, value)
  }
  write(chunk: string | Buffer): boolean {
    return this.request.write(chunk)
  }
  end(chunk?: string | Buffer): this {
    this.request.end(chunk)
    return this
  }
  abort(): void {
    this.request.destroy()
    this.emit('abort')
  }
  followRedirect(): void {
    this.followed = true
  }
}

export const net = {
  request: (options: Options | string) => new StandinClientRequest(options),
} satisfies SameArgs<Pick<Electron.Net, 'request'>>

/** A session per partition (https://www.electronjs.org/docs/latest/api/session#sessionfrompartitionpartition-options). */
const partitions = new Map<string, { partition: string }>()
export function fromPartition(partition: string, _options?: Electron.FromPartitionOptions) {
  let found = partitions.get(partition)
  if (!found) partitions.set(partition, (found = { partition }))
  return found
}

/**
 * Electron's own (Squirrel) autoUpdater: electron-updater's Linux and Windows updaters only emit
 * `before-quit-for-update` on it before they quit to install.
 */
export const autoUpdater = new EventEmitter()
