import { existsSync, readFileSync } from 'node:fs'
import { writeFileAtomic } from './fs-util'

/**
 * The file the SecretStore keeps its values in (`secrets.json`: each value already encrypted by
 * the keychain's key in the app). Written whole through a temp file, fsynced and renamed, so a
 * crash or a full disk never leaves it cut in half (which would lose the password); private to
 * its owner (0600) like every file of the data folder.
 */
export function readSecretsFile(path: string): Record<string, string> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {}
}

export function writeSecretsFile(path: string, values: Record<string, string>): void {
  writeFileAtomic(path, JSON.stringify(values))
}
