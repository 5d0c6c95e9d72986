import type { HostPush, Snapshot } from '../shared/ipc-contract'
import type { SettingsStore } from '../store/settings-store'
import type { IncidentRepository } from './incidents'

/**
 * What the host tells its listeners after a change: windows (`onPush`) hear each changed
 * incident alone, `incident:changed {id, version, summary}`, and the whole snapshot on
 * `state:changed` only when settings or notices changed or an import replaced incidents; tests and
 * tools (`subscribe`) still get the whole snapshot after every change.
 */
export function hostPushes(
  incidents: IncidentRepository,
  settings: SettingsStore,
  snapshot: () => Snapshot,
) {
  const listeners = new Set<(snapshot: Snapshot) => void>()
  const pushListeners = new Set<(push: HostPush) => void>()
  const publish = (push: HostPush) => {
    for (const listener of pushListeners) listener(push)
  }
  const toSubscribers = () => {
    if (listeners.size === 0) return
    const next = snapshot()
    for (const listener of listeners) listener(next)
  }
  // What the windows were last told of settings: a change to them is pushed whole, once.
  let pushedSettings = settings.get()
  return {
    subscribe(listener: (snapshot: Snapshot) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onPush(listener: (push: HostPush) => void) {
      pushListeners.add(listener)
      return () => pushListeners.delete(listener)
    },
    /** Something outside the incidents and settings (the app's update) to the windows. */
    push: publish,
    /** After a notice: the whole snapshot to everyone. */
    snapshot() {
      toSubscribers()
      if (pushListeners.size > 0) publish({ channel: 'state:changed', payload: snapshot() })
    },
    /** After a change: each changed incident alone, or the snapshot when that cannot say it. */
    changed(ids: readonly string[]) {
      toSubscribers()
      const settingsChanged = settings.get() !== pushedSettings
      pushedSettings = settings.get()
      if (pushListeners.size === 0) return
      const changes = ids.map((id) => {
        const summary = incidents.find(id)
        const version = incidents.loadedVersion(id)
        return summary && version !== undefined ? { id, version, summary } : undefined
      })
      // Settings changed, or an import wrote incidents that are not open (or removed one).
      if (settingsChanged || changes.some((c) => !c)) {
        publish({ channel: 'state:changed', payload: snapshot() })
        return
      }
      for (const change of changes) publish({ channel: 'incident:changed', payload: change! })
    },
    clear() {
      listeners.clear()
      pushListeners.clear()
    },
  }
}
