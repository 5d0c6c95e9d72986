import { useSyncExternalStore } from 'react'

/** The width below which the window is compact (docked); Workspace.compact.css uses the same. */
const COMPACT = '(max-width: 760px)'

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(COMPACT)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Whether the window is compact now; follows resizes and docking. */
export function useCompact(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(COMPACT).matches)
}
