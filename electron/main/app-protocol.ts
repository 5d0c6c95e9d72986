import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { protocol, session } from 'electron'
import { APP_PAGE, APP_SCHEME, rendererFile } from './app-origin'

/**
 * app:// is a standard, secure scheme (https://www.electronjs.org/docs/latest/api/protocol):
 * the renderer gets a real origin, module scripts and fetch work, and file: needs no extra
 * privileges (the GrantFileProtocolExtraPrivileges fuse is off). Must run before 'ready'.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Serves the built renderer's files, and nothing outside its folder, at app://incident-tray/. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? rendererFile(request.url) : null
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(join(root, file.relative))
      return new Response(new Uint8Array(body), {
        headers: { 'content-type': file.type, 'x-content-type-options': 'nosniff' },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

/** The page a window loads: the dev server in development, else the app's own origin. */
export function pageUrl(devServerUrl: string | undefined, hash?: string): string {
  const base = devServerUrl ?? APP_PAGE
  return hash ? `${base}#${hash}` : base
}

/**
 * The app asks for no web permission (notifications, clipboard and capture all go through
 * main), so every request and every check is denied, for every origin.
 */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}
