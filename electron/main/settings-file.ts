import Store from 'electron-store'
import type { SettingsBackend } from '../store/settings-store'
import { PRIVATE_FILE_MODE } from '../store/private-files'

/** settings.json through electron-store, in the data folder. */
export function openSettingsStore(dataDir: string): SettingsBackend {
  return new Store({
    name: 'settings',
    cwd: dataDir,
    clearInvalidConfig: false,
    // Private to the owner, like every file of the data folder (store/private-files.ts).
    configFileMode: PRIVATE_FILE_MODE,
  }) as unknown as SettingsBackend
}
