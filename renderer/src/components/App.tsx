import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { MOD } from '../keys'
import { useApp } from '../store'
import { CommsPanel } from './CommsPanel'
import { IncidentHeader } from './IncidentHeader'
import { IncidentList } from './IncidentList'
import { Notices } from './Notices'
import { RecordDialog } from './RecordDialog'
import { Timeline } from './Timeline'
import { OpenActionsButton } from './retro/OpenActionsDialog'
import { RetroSection } from './retro/RetroSection'

export function App() {
  const { snapshot, selected, recordOpen, openRecord } = useApp(
    useShallow((s) => ({
      snapshot: s.snapshot,
      selected: s.selected,
      recordOpen: s.recordOpen,
      openRecord: s.openRecord,
    })),
  )

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') {
        event.preventDefault()
        openRecord()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openRecord])

  if (!snapshot) return <div className="loading">Loading incidents…</div>
  return (
    <div className="app">
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
        <OpenActionsButton />
      </header>
      <Notices />
      <div className="layout">
        <IncidentList incidents={snapshot.incidents} />
        <main className="detail" aria-label="Selected incident">
          {selected ? (
            <>
              <IncidentHeader incident={selected} />
              <Timeline incident={selected} />
              <CommsPanel incident={selected} />
              <RetroSection incident={selected} />
            </>
          ) : (
            <EmptyState onRecord={openRecord} />
          )}
        </main>
      </div>
      {recordOpen && <RecordDialog />}
    </div>
  )
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
