import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeUpdateError, githubReleasePage } from './updater-text'

const error = (message: string, code?: string) => Object.assign(new Error(message), { code })

describe('update errors in words', () => {
  it('names a checksum mismatch, an error answer, a page that is no feed and an unreachable server', () => {
    expect(
      describeUpdateError(error('sha512 checksum mismatch', 'ERR_CHECKSUM_MISMATCH'), '1.4.0'),
    ).toBe(
      "the download of 1.4.0 did not match the release's sha512 checksum, so it was deleted and nothing was installed",
    )
    expect(describeUpdateError(error('HttpError: 500', 'HTTP_ERROR_500'))).toBe(
      'the update server answered with an error',
    )
    expect(describeUpdateError(error('not semver', 'ERR_UPDATER_INVALID_VERSION'))).toBe(
      'the update server did not answer with an update description',
    )
    expect(describeUpdateError(error('connect ECONNREFUSED 127.0.0.1:9'))).toBe(
      'the update server could not be reached',
    )
    expect(describeUpdateError(error(`something else\n    at stack (x.js:1)`))).toBe(
      'something else',
    )
  })
})

describe('the release page', () => {
  it('is the GitHub release of the version for a GitHub feed, and absent for a generic one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'updater-text-'))
    try {
      writeFileSync(
        join(dir, 'app-update.yml'),
        'owner: WordPress\nrepo: openverse-incident-tray\nprovider: github\n',
      )
      expect(githubReleasePage(dir, '1.4.0')).toBe(
        'https://github.com/WordPress/openverse-incident-tray/releases/tag/v1.4.0',
      )
      expect(githubReleasePage(dir, '1.4.0/../../x')).toBeUndefined()
      writeFileSync(join(dir, 'app-update.yml'), 'provider: generic\nurl: https://example.org/\n')
      expect(githubReleasePage(dir, '1.4.0')).toBeUndefined()
      expect(githubReleasePage(join(dir, 'missing'), '1.4.0')).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
