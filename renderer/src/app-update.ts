import { create } from 'zustand'
import type { AppUpdateView } from '../../electron/shared/app-update-contract'
import { api } from './api'

/**
 * The app's own update as the host computed it (Settings → About, the notice above the
 * workspace). The host decides what is offered; this only mirrors it.
 */
interface AppUpdateState {
  view: AppUpdateView | null
  /** A refusal or failure of the last action, shown as written. */
  message: string | null
  set(view: AppUpdateView): void
  setMessage(message: string | null): void
}

export const useAppUpdate = create<AppUpdateState>((set) => ({
  view: null,
  message: null,
  set: (view) => set({ view }),
  setMessage: (message) => set({ message }),
}))

/** What must be saved before the app restarts (a retro draft being typed); each returns when done. */
const keepers = new Set<() => Promise<unknown>>()
export function keepBeforeRestart(keep: () => Promise<unknown>): () => void {
  keepers.add(keep)
  return () => keepers.delete(keep)
}

/** Saves what is typed, then asks the host to restart into the update. */
export async function restartToUpdate(): Promise<void> {
  await Promise.all([...keepers].map((keep) => keep().catch(() => undefined)))
  const result = await api.appUpdate.install()
  if (result.ok) useAppUpdate.getState().set(result.value)
  useAppUpdate.getState().setMessage(result.ok ? null : result.error.message)
}

export async function checkForUpdates(): Promise<void> {
  const result = await api.appUpdate.check()
  if (result.ok) useAppUpdate.getState().set(result.value)
  useAppUpdate.getState().setMessage(result.ok ? null : result.error.message)
}

/** Follows the host's update pushes; returns the unsubscribe. */
export function connectAppUpdate(): () => void {
  const off = api.on('appUpdate:changed', (view) => useAppUpdate.getState().set(view))
  void api.appUpdate.get().then((r) => r.ok && useAppUpdate.getState().set(r.value))
  return off
}
