/**
 * A real HTTP server standing for the project's releases: electron-updater's `generic` feed
 * (`latest-linux.yml` and the AppImage it names, with its sha512), and the update configuration
 * packaging would write (`app-update.yml` in the app's resources folder), for the built-app tests.
 */
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const NEW_VERSION = '1.4.0'
export const ARTIFACT = `Incident-Tray-${NEW_VERSION}.AppImage`
/** What the release says, as GitHub gives it: HTML, with a script that must never run. */
export const RELEASE_NOTES_HTML =
  '<h2>Fixes</h2><ul><li>The publishing password stays with its own site.</li><li>Updates never restart the app during an incident.</li></ul><script>window.pwned = true</script><p>Details: <a href="https://example.org/notes">example.org/notes</a></p>'

/**
 * The new version: a script standing for an AppImage, which says it was started (the install
 * starts the new version). 100,000 bytes, so the download has a progress to show.
 */
function newVersion(): Buffer {
  const script = `#!/bin/sh\n# Incident Tray ${NEW_VERSION}: a stand-in AppImage for the update tests.\necho "started" > "$(dirname "$0")/new-version-started"\nexit 0\n`
  const padding = '#'.repeat(100_000 - script.length - 1)
  return Buffer.from(`${script}${padding}\n`)
}

/**
 * current: the feed names this same version. newer: 1.4.0 with the right sha512. tampered: the
 * same file list, a file whose bytes differ. html: a login page instead of the yml. down: every
 * connection is cut.
 */
export type FeedMode = 'current' | 'newer' | 'tampered' | 'html' | 'down'

export interface UpdateFeed {
  url: string
  mode: FeedMode
  /** Paths asked for, in order (without the query). */
  requests: string[]
  artifact: Buffer
  /** The artifact stops after this many bytes until `release()` sends the rest (or `until`). */
  holdAt(bytes: number): void
  release(until?: number): void
  /** The packaged app's resources folder (app-update.yml) and the AppImage it runs as. */
  resources: string
  appImage: string
  close(): Promise<void>
}

function latestYml(artifact: Buffer): string {
  const sha512 = createHash('sha512').update(artifact).digest('base64')
  return [
    `version: ${NEW_VERSION}`,
    'files:',
    `  - url: ${ARTIFACT}`,
    `    sha512: ${sha512}`,
    `    size: ${artifact.length}`,
    `path: ${ARTIFACT}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-11-20T10:00:00.000Z'",
    `releaseNotes: '${RELEASE_NOTES_HTML.replace(/'/g, "''")}'`,
    '',
  ].join('\n')
}

export async function startUpdateFeed(mode: FeedMode): Promise<UpdateFeed> {
  const artifact = newVersion()
  const dir = mkdtempSync(join(tmpdir(), 'incident-tray-feed-'))
  let held: { res: ServerResponse; body: Buffer; sent: number } | undefined
  let holdAt: number | undefined
  const send = (res: ServerResponse, body: Buffer, from: number, to: number) => {
    res.write(body.subarray(from, to))
    if (to >= body.length) res.end()
    else held = { res, body, sent: to }
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname
    feed.requests.push(path)
    if (feed.mode === 'down') return void req.socket.destroy()
    if (feed.mode === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' })
      return void res.end('<!doctype html><html><body><form>Sign in</form></body></html>')
    }
    if (path === '/latest-linux.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' })
      const yml = latestYml(artifact)
      return void res.end(feed.mode === 'current' ? yml.replace(NEW_VERSION, '0.1.0') : yml)
    }
    if (path !== `/${ARTIFACT}`) return void res.writeHead(404).end()
    const body = Buffer.from(artifact)
    if (feed.mode === 'tampered') body[body.length - 2] = 0x21
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': body.length,
    })
    send(res, body, 0, holdAt ?? body.length)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

  const resources = join(dir, 'resources')
  mkdirSync(resources)
  writeFileSync(
    join(resources, 'app-update.yml'),
    `provider: generic\nurl: ${url}\nupdaterCacheDirName: incident-tray-updater\n`,
  )
  const appImage = join(dir, 'Incident-Tray.AppImage')
  writeFileSync(appImage, '#!/bin/sh\n# Incident Tray 0.1.0\n')
  chmodSync(appImage, 0o755)

  const feed: UpdateFeed = {
    url,
    mode,
    requests: [],
    artifact,
    holdAt: (bytes) => void (holdAt = bytes),
    release: (until) => {
      const now = held
      if (!now) throw new Error('no download is held')
      held = undefined
      send(now.res, now.body, now.sent, until ?? now.body.length)
    },
    resources,
    appImage,
    close: async () => {
      held?.res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return feed
}

/** How the built app runs as a packaged AppImage with this feed's update configuration. */
export function packagedWith(feed: UpdateFeed) {
  return {
    packaged: true,
    env: { STANDIN_RESOURCES_PATH: feed.resources, APPIMAGE: feed.appImage },
  }
}
