import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * What went wrong with a check or a download, in words (electron-updater's messages carry stack
 * traces and whole HTTP answers). Shown in Settings → About only: never a dialog.
 */
export function describeUpdateError(error: Error & { code?: string }, version?: string): string {
  const code = error.code ?? ''
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(error.message))
    return `the download${version ? ` of ${version}` : ''} did not match the release's sha512 checksum, so it was deleted and nothing was installed`
  if (/^HTTP_ERROR_/.test(code) || /status \d{3}/.test(error.message))
    return 'the update server answered with an error'
  if (
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    // A page that is not YAML reads as one string, which has no version.
    code === 'ERR_UPDATER_INVALID_VERSION' ||
    code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND' ||
    error.name === 'YAMLException' ||
    /yaml|Cannot parse update info/i.test(error.message)
  )
    return 'the update server did not answer with an update description'
  if (
    /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|net::|timed out|socket hang up/i.test(
      error.message,
    )
  )
    return 'the update server could not be reached'
  return error.message.split('\n')[0]!.slice(0, 160)
}

/**
 * The release page for a version when the feed is GitHub releases (packaging writes the owner
 * and repository into app-update.yml); a generic feed has no page, so no link is shown.
 */
export function githubReleasePage(resources: string, version: string): string | undefined {
  let yml: string
  try {
    yml = readFileSync(join(resources, 'app-update.yml'), 'utf8')
  } catch {
    return undefined
  }
  const field = (name: string) => new RegExp(`^${name}:\\s*['"]?([\\w.-]+)`, 'm').exec(yml)?.[1]
  if (field('provider') !== 'github') return undefined
  const owner = field('owner')
  const repo = field('repo')
  if (!owner || !repo || !/^[\w.+-]+$/.test(version)) return undefined
  return `https://github.com/${owner}/${repo}/releases/tag/v${version}`
}
