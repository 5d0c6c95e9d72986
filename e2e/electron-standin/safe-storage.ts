import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { isLinux } from './platform'
import type { SameArgs } from './types'

// https://www.electronjs.org/docs/latest/api/safe-storage: strings encrypted with a key the OS
// keychain holds. The stand-in's "keychain" is one fixed key, so what it encrypts survives a
// restart of the app as the real one does, and is never the plain text on disk.
const KEY = createHash('sha256').update('incident-tray electron stand-in keychain').digest()

const everywhere = {
  isEncryptionAvailable: (): boolean => true,
  encryptString: (plainText: string): Buffer => {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', KEY, iv)
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), body])
  },
  decryptString: (encrypted: Buffer): string => {
    const decipher = createDecipheriv('aes-256-gcm', KEY, encrypted.subarray(0, 12))
    decipher.setAuthTag(encrypted.subarray(12, 28))
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString(
      'utf8',
    )
  },
} satisfies SameArgs<
  Pick<Electron.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
>

// getSelectedStorageBackend is bound only `#if BUILDFLAG(IS_LINUX)`
// (shell/browser/api/electron_api_safe_storage.cc; the docs mark it "Linux"): elsewhere the
// member is absent, and calling it throws a TypeError as it does in Electron.
const linuxOnly = {
  getSelectedStorageBackend: (): 'gnome_libsecret' => 'gnome_libsecret',
} satisfies SameArgs<Pick<Electron.SafeStorage, 'getSelectedStorageBackend'>>

export const safeStorage: typeof everywhere & Partial<typeof linuxOnly> = isLinux
  ? { ...everywhere, ...linuxOnly }
  : everywhere
