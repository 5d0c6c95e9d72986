/**
 * The e2e harness's stand-in for the preload: the same factory, over Playwright bindings instead
 * of ipcRenderer. Bundled by e2e/harness.ts and injected before the page's own scripts.
 */
import type { PushChannel } from '../shared/ipc-channels'
import { createApi } from './api'

declare global {
  interface Window {
    __hostInvoke(channel: string, payload: unknown): Promise<unknown>
    __hostPush(channel: PushChannel, payload: unknown): void
  }
}

const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>()
window.__hostPush = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload)
}
Object.defineProperty(window, 'api', {
  value: createApi({
    invoke: async (channel, payload) =>
      JSON.parse((await window.__hostInvoke(channel, payload)) as string) as unknown,
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  }),
})
