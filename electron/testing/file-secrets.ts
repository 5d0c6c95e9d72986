import type { SecretStore } from '../services/ports'
import { readSecretsFile, writeSecretsFile } from '../store/secrets-file'

/**
 * The tests' stand-in for the OS keychain: a file in the data folder (where the app keeps its safeStorage file), its
 * values scrambled the way safeStorage's ciphertext is unreadable, so a test that searches every
 * file the app writes for the password proves the app wrote it nowhere else.
 */
export class FileSecretStore implements SecretStore {
  constructor(private readonly path: string) {}

  private read(): Record<string, string> {
    return readSecretsFile(this.path)
  }

  get(key: string): string | null {
    const value = this.read()[key]
    return value === undefined ? null : Buffer.from(value, 'base64').reverse().toString('utf8')
  }

  set(key: string, value: string | null): void {
    const all = this.read()
    if (value === null) delete all[key]
    else all[key] = Buffer.from(Buffer.from(value, 'utf8').reverse()).toString('base64')
    // The app's own file writer (electron/main/adapters.ts uses it too): atomic and 0600.
    writeSecretsFile(this.path, all)
  }
}
