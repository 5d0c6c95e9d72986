import { lazy, Suspense, useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { MOD } from '../../keys'
import { useApp } from '../../store'
import { IncidentList } from '../incident/IncidentList'
import { Notices } from './Notices'
import { UpdateNotice } from '../update/UpdateNotice'
import { RecordDialog } from '../incident/RecordDialog'
import { OpenFromP2 } from '../incident/OpenFromP2'
import { Workspace } from '../incident/Workspace'
import { CommandPalette } from './CommandPalette'
import { FirstRun } from '../settings/FirstRun'
import { SettingsDialog } from '../settings/SettingsDialog'
import { useDocumentTheme } from '../../theme'
import { OpenActionsButton } from '../retro/OpenActionsDialog'

// Loaded when first opened: the incident screen paints without their code (and the charts').
const HistoryView = lazy(() =>
  import('../insights/HistoryView').then((m) => ({ default: m.HistoryView })),
)
const InsightsView = lazy(() =>
  import('../insights/InsightsView').then((m) => ({ default: m.InsightsView })),
)
import type { View } from '../../store'
import { useCompact } from '../../useCompact'
import './App.css'

const VIEWS: [View, string][] = [
  ['incidents', 'Incidents'],
  ['history', 'History'],
  ['insights', 'Insights'],
]

export function App() {
  const { snapshot, selected, recordOpen, openRecord, view, showView } = useApp(
    useShallow((s) => ({
      snapshot: s.snapshot,
      selected: s.selected,
      recordOpen: s.recordOpen,
      openRecord: s.openRecord,
      view: s.view,
      showView: s.showView,
    })),
  )
  const { settingsOpen, paletteOpen, firstRunOpen, openSettings, openPalette } = useApp(
    useShallow((s) => ({
      settingsOpen: s.settingsSection !== null,
      paletteOpen: s.paletteOpen,
      firstRunOpen: s.firstRunOpen,
      openSettings: s.openSettings,
      openPalette: s.openPalette,
    })),
  )
  useDocumentTheme(snapshot?.settings.appearance.theme)

  useGlobalShortcuts({ openRecord, openPalette, openSettings })
  const firstRun = snapshot?.settings.firstRun
  const showFirstRun = firstRunOpen || (firstRun && !firstRun.completed && !firstRun.skipped)

  if (!snapshot) return <div className="loading">Loading incidents…</div>
  return (
    <div className="app">
      <TopBar view={view} showView={showView} />
      <Notices />
      <UpdateNotice />
      {view === 'history' ? (
        <Suspense fallback={<div className="loading">Opening history…</div>}>
          <HistoryView incidents={snapshot.incidents} />
        </Suspense>
      ) : view === 'insights' ? (
        <Suspense fallback={<div className="loading">Opening insights…</div>}>
          <InsightsView />
        </Suspense>
      ) : (
        <div className="layout">
          <IncidentList incidents={snapshot.incidents} />
          <main className="detail" aria-label="Selected incident">
            {selected ? <Workspace incident={selected} /> : <EmptyState onRecord={openRecord} />}
          </main>
        </div>
      )}
      {settingsOpen && <SettingsDialog />}
      {showFirstRun && <FirstRun settings={snapshot.settings} />}
      {recordOpen && <RecordDialog />}
      <OpenFromP2 />
      {paletteOpen && <CommandPalette />}
    </div>
  )
}

/** The top bar: Record, the views, the palette, settings and the open action items. */
function TopBar({ view, showView }: { view: View; showView: (view: View) => void }) {
  const compact = useCompact()
  const { openRecord, openPalette, openSettings } = useApp(
    useShallow((s) => ({
      openRecord: s.openRecord,
      openPalette: s.openPalette,
      openSettings: s.openSettings,
    })),
  )
  return (
    <header className="topbar">
      <h1 className="brand">Incident Tray</h1>
      <button
        type="button"
        className="primary"
        onClick={openRecord}
        title={`Record incident (${MOD}+N)`}
      >
        Record incident <kbd>{MOD}+N</kbd>
      </button>
      {compact ? (
        // Docked there is no room for three tabs: one choice, showing where you are.
        <select
          className="views-compact"
          aria-label="View"
          value={view}
          onChange={(e) => showView(e.target.value as View)}
        >
          {VIEWS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <nav className="views" aria-label="Views">
          {VIEWS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              aria-current={view === id ? 'page' : undefined}
              onClick={() => showView(id)}
            >
              {label}
            </button>
          ))}
        </nav>
      )}
      <span className="topbar-spacer" />
      <button type="button" onClick={openPalette} title={`Command palette (${MOD}+K)`}>
        Commands <kbd>{MOD}+K</kbd>
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => openSettings()}
        aria-label="Settings"
        title={`Settings (${MOD}+,)`}
      >
        <span aria-hidden="true">⚙</span>
      </button>
      <span className="topbar-wide-only">
        <OpenActionsButton />
      </span>
    </header>
  )
}

/** Ctrl/Cmd+N records, +K opens the palette, +, opens settings, wherever focus is. */
function useGlobalShortcuts(actions: {
  openRecord: () => void
  openPalette: () => void
  openSettings: () => void
}) {
  const { openRecord, openPalette, openSettings } = actions
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      const key = event.key.toLowerCase()
      const action =
        key === 'n' ? openRecord : key === 'k' ? openPalette : key === ',' ? openSettings : null
      if (action) {
        event.preventDefault()
        action()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openRecord, openPalette, openSettings])
}

function EmptyState({ onRecord }: { onRecord: () => void }) {
  return (
    <div className="empty">
      <h2>No incidents recorded</h2>
      <p>
        If something might be an incident, record it: it is better to record it than to assume
        someone else is handling it.
      </p>
      <button type="button" className="primary" onClick={onRecord}>
        Record incident
      </button>
    </div>
  )
}
