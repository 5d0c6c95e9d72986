import type { Api } from '../../electron/preload/api'

declare global {
  interface Window {
    readonly api: Api
  }
}

/** The only way the renderer reaches the app: built by the preload from the IPC contract. */
export const api: Api = window.api
