import { create } from 'zustand'
import type { Snapshot } from '../../electron/shared/ipc-contract'
import type { IncidentSummary } from '../../electron/shared/types'
import type { IncidentChanged, IncidentViewModel } from '../../electron/shared/view-contract'
import { api } from './api'
import { connectAppUpdate, restartToUpdate } from './app-update'
import { useOpenFromP2 } from './components/incident/OpenFromP2'
import { DEFAULT_PANEL, recallPanel, rememberPanel, type PanelId } from './workspace'

/** The main area: the incident being worked on, every past incident, or the insight charts. */
export type View = 'incidents' | 'history' | 'insights'

interface AppState {
  view: View
  showView(view: View): void
  /** Opens an incident in the incidents view (from history, a notification, the palette). */
  openIncident(id: string): void
  snapshot: Snapshot | null
  selectedId: string | null
  selected: IncidentViewModel | null
  recordOpen: boolean
  /** An error from a call that is not tied to a form (shown in a banner). */
  error: string | null
  setSnapshot(snapshot: Snapshot): void
  /** One incident changed (a push): its summary is replaced, its view fetched if it is shown. */
  incidentChanged(change: IncidentChanged): void
  select(id: string | null): Promise<void>
  openRecord(): void
  closeRecord(): void
  showError(message: string | null): void
  /** Notices are the host's: dismissing one clears it in every window and in the tray. */
  dismissNotice(id: string): void
  /** The settings window, the command palette and the setup reopened by hand. */
  settingsSection: string | null
  paletteOpen: boolean
  firstRunOpen: boolean
  openSettings(section?: string): void
  closeSettings(): void
  openPalette(): void
  closePalette(): void
  openFirstRun(): void
  closeFirstRun(): void
  /** The workspace panel beside the timeline, remembered per incident. */
  panel: PanelId
  /** In the compact window the panel covers the timeline until closed; wide windows ignore it. */
  panelOpen: boolean
  showPanel(panel: PanelId): void
  closePanel(): void
}

let askAgain: ReturnType<typeof setTimeout> | undefined
/**
 * The host's view holds what is true now; where it changes with time alone (a reopen becomes a new
 * incident 48 hours after the resolution), the view is asked for again when that moment passes.
 */
function askAgainAt(until: string | null | undefined, id: string) {
  clearTimeout(askAgain)
  const wait = until ? Date.parse(until) - Date.now() : -1
  // Past, or beyond what a timer holds (about 24.8 days): nothing to wait for.
  if (wait < 0 || wait > 2 ** 31 - 1) return
  askAgain = setTimeout(() => {
    if (useApp.getState().selectedId === id) void useApp.getState().select(id)
  }, wait + 1)
}

/** Mirrors the host's snapshot; main owns the state, this store only keeps what it pushed. */
export const useApp = create<AppState>()((set, get) => ({
  view: 'incidents',
  showView: (view) => set({ view, paletteOpen: false }),
  openIncident: (id) => {
    set({ view: 'incidents' })
    void get().select(id)
  },
  snapshot: null,
  selectedId: null,
  selected: null,
  recordOpen: false,
  error: null,
  setSnapshot: (snapshot) => {
    set({ snapshot })
    const { selectedId } = get()
    const stillThere = selectedId && snapshot.incidents.some((i) => i.id === selectedId)
    const fallback = snapshot.incidents.find((i) => i.active) ?? snapshot.incidents[0]
    // The view depends on settings too (the update cadence): asked for again, version unchanged.
    void get().select(stillThere ? selectedId : (fallback?.id ?? null))
  },
  incidentChanged: ({ id, version, summary }) => {
    const { snapshot, selectedId, selected } = get()
    if (!snapshot) return
    set({ snapshot: { ...snapshot, incidents: withSummary(snapshot.incidents, summary) } })
    // Nothing shown yet: the new incident is the one to show, as with a snapshot.
    if (!selectedId) return void get().select(id)
    if (id === selectedId && (!selected || selected.id !== id || selected.version < version))
      void get().select(id)
  },
  select: async (id) => {
    if (get().selectedId !== id) {
      void api.quicknote.target({ incidentId: id })
      set({
        panel: id ? recallPanel(id, localStorage, get().panel) : DEFAULT_PANEL,
        panelOpen: false,
      })
    }
    set({ selectedId: id })
    if (!id) {
      set({ selected: null })
      return
    }
    const result = await api.incident.view({ id })
    if (get().selectedId !== id) return
    if (!result.ok) return set({ error: result.error.message })
    set({ selected: result.value })
    askAgainAt(result.value.recurrence?.until, id)
  },
  openRecord: () => set({ recordOpen: true }),
  closeRecord: () => set({ recordOpen: false }),
  showError: (error) => set({ error }),
  dismissNotice: (id) => {
    void api.notice.dismiss({ id }).then((result) => {
      if (result.ok) set({ snapshot: result.value })
      else set({ error: result.error.message })
    })
  },
  settingsSection: null,
  paletteOpen: false,
  firstRunOpen: false,
  openSettings: (section = 'you') => set({ settingsSection: section, paletteOpen: false }),
  closeSettings: () => set({ settingsSection: null }),
  openPalette: () => set({ paletteOpen: true }),
  closePalette: () => set({ paletteOpen: false }),
  openFirstRun: () => set({ firstRunOpen: true, settingsSection: null }),
  closeFirstRun: () => set({ firstRunOpen: false }),
  panel: DEFAULT_PANEL,
  panelOpen: false,
  showPanel: (panel) => {
    const { selectedId } = get()
    if (selectedId) rememberPanel(selectedId, panel, localStorage)
    set({ panel, panelOpen: true, paletteOpen: false, view: 'incidents' })
  },
  closePanel: () => set({ panelOpen: false }),
}))

/** The list with one summary replaced, or inserted newest first (by recording time). */
export function withSummary(list: readonly IncidentSummary[], summary: IncidentSummary) {
  const known = list.findIndex((i) => i.id === summary.id)
  // A change never moves an incident: its recording time stays.
  if (known >= 0) return list.map((i, n) => (n === known ? summary : i))
  const at = list.findIndex((i) => i.recordedAt < summary.recordedAt)
  return at < 0 ? [...list, summary] : [...list.slice(0, at), summary, ...list.slice(at)]
}

/** Loads the first snapshot and follows the host's pushes and commands. */
export async function connect(): Promise<() => void> {
  const offState = api.on('state:changed', (snapshot) => useApp.getState().setSnapshot(snapshot))
  const offIncident = api.on('incident:changed', (change) =>
    useApp.getState().incidentChanged(change),
  )
  const offCommand = api.on('ui:command', (command) => {
    const state = useApp.getState()
    if (command.kind === 'record') state.openRecord()
    else if (command.kind === 'settings') state.openSettings(command.section)
    else if (command.kind === 'palette') state.openPalette()
    else if (command.kind === 'open-from-p2') useOpenFromP2.getState().show()
    else if (command.kind === 'restart-to-update') void restartToUpdate()
    else state.openIncident(command.id)
  })
  const offUpdate = connectAppUpdate()
  const first = await api.state.get()
  if (first.ok) useApp.getState().setSnapshot(first.value)
  else useApp.getState().showError(first.error.message)
  return () => {
    offState()
    offIncident()
    offCommand()
    offUpdate()
  }
}
