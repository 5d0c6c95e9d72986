import type { IncidentSummary } from '../../../../electron/shared/types'
import { useApp } from '../../store'
import { formatDuration, useNow } from '../../time'
import { SeverityBadge, StatusBadge } from './Badges'
import { RetroDueBadge } from '../retro/RetroSection'
import './IncidentList.css'

export function IncidentList({ incidents }: { incidents: IncidentSummary[] }) {
  const selectedId = useApp((s) => s.selectedId)
  const select = useApp((s) => s.select)
  const now = useNow()
  const active = incidents.filter((i) => i.active)
  const past = incidents.filter((i) => !i.active)

  const item = (incident: IncidentSummary) => (
    <li key={incident.id}>
      <button
        type="button"
        className="incident-item"
        aria-current={incident.id === selectedId ? 'true' : undefined}
        onClick={() => void select(incident.id)}
      >
        <span className="incident-item-title">{incident.title}</span>
        <span className="incident-item-meta">
          <SeverityBadge scale={incident.scale} level={incident.severity} />
          <StatusBadge status={incident.status} />
          {incident.retroDue && <RetroDueBadge />}
        </span>
        <span className="incident-item-age">
          {formatDuration(now - Date.parse(incident.recordedAt))} ago
          {incident.lead ? ` · lead ${incident.lead}` : incident.active ? ' · no lead yet' : ''}
        </span>
      </button>
    </li>
  )

  return (
    <nav className="sidebar" aria-label="Incidents">
      <h2 className="sidebar-heading">Active ({active.length})</h2>
      {active.length === 0 ? (
        <p className="sidebar-empty">Nothing active. Quiet is good.</p>
      ) : (
        <ul className="incident-list">{active.map(item)}</ul>
      )}
      {past.length > 0 && (
        <>
          <h2 className="sidebar-heading">Earlier ({past.length})</h2>
          <ul className="incident-list">{past.map(item)}</ul>
        </>
      )}
    </nav>
  )
}
