import { useEffect, useMemo, useState } from 'react'
import type { IncidentSummary } from '../../../../electron/shared/types'
import { api } from '../../api'
import {
  filterHistory,
  isFiltered,
  leadsOf,
  NO_FILTERS,
  type HistoryFilters,
} from './history-filter'
import { useApp } from '../../store'
import { formatDateAndTime, formatDuration, useClockStyle, useUserZone } from '../../time'
import { useCompact } from '../../useCompact'
import { SeverityBadge, StatusBadge } from '../incident/Badges'
import { VirtualRows } from '../common/VirtualRows'
import { HistoryFiltersForm } from './HistoryFiltersForm'
import './HistoryView.css'
import { plural, pluralOf } from '../../plural'

/** Every incident, newest first, with filters and full-text search; a click opens one. */
export function HistoryView({ incidents }: { incidents: IncidentSummary[] }) {
  const scale = useApp((s) => s.snapshot?.settings.severityScale ?? 'openverse')
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS)

  const { shown, searching, searchError } = useHistorySearch(incidents, filters)
  const leads = useMemo(() => leadsOf(incidents), [incidents])

  return (
    <main className="page history" aria-labelledby="history-title">
      <div className="page-head">
        <h2 id="history-title">History</h2>
        <p className="hint">
          Every incident, newest first. Past incidents open read-only; if one happened again, open
          it and choose “It happened again…”.
        </p>
      </div>
      <HistoryFiltersForm filters={filters} setFilters={setFilters} scale={scale} leads={leads} />
      <p className="history-count" role="status" aria-live="polite">
        {searchError ??
          (searching
            ? 'Searching…'
            : isFiltered(filters)
              ? pluralOf(shown.length, incidents.length, 'incident')
              : plural(incidents.length, 'incident'))}
      </p>
      <HistoryList incidents={shown} empty={incidents.length === 0} />
    </main>
  )
}

/** The incidents the filters and the host's full-text search let through. */
function useHistorySearch(incidents: IncidentSummary[], filters: HistoryFilters) {
  const [matches, setMatches] = useState<{ text: string; ids: Set<string> } | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  // Opening the history brings the host's search cache up to date before the first search.
  useEffect(() => {
    void api.history.search({ text: '' })
  }, [])

  // The host searches titles and timelines; an answer to an older query is dropped.
  const text = filters.text.trim()
  useEffect(() => {
    if (!text) return
    let current = true
    void api.history.search({ text }).then((result) => {
      if (!current) return
      if (result.ok) {
        setMatches({ text, ids: new Set(result.value.ids) })
        setSearchError(null)
      } else {
        setSearchError(result.error.message)
      }
    })
    return () => {
      current = false
    }
  }, [text])
  const textMatches = text ? (matches?.text === text ? matches.ids : null) : null
  const searching = Boolean(text) && textMatches === null && !searchError

  const zone = useUserZone()
  const shown = useMemo(
    () => (searching ? [] : filterHistory(incidents, filters, textMatches, zone)),
    [incidents, filters, textMatches, searching, zone],
  )
  return { shown, searching, searchError }
}

const ROW_HEIGHT = 64
const ROW_HEIGHT_DOCKED = 88

function HistoryList({ incidents, empty }: { incidents: IncidentSummary[]; empty: boolean }) {
  const openIncident = useApp((s) => s.openIncident)
  const clock = useClockStyle()
  // Docked, a row's details take two lines: the row is drawn taller, never clipping its title.
  const rowHeight = useCompact() ? ROW_HEIGHT_DOCKED : ROW_HEIGHT
  if (incidents.length === 0) {
    return (
      <p className="history-empty">
        {empty
          ? 'No incidents yet. Everything you record stays here.'
          : 'No incident matches. Loosen a filter or clear them.'}
      </p>
    )
  }
  return (
    <VirtualRows
      items={incidents}
      keyOf={(incident) => incident.id}
      rowHeight={rowHeight}
      fixed
      className="history-scroll"
      listClassName="history-list"
      rowClassName="history-row"
      label="Incidents found"
      ordered
    >
      {(incident) => (
        <button type="button" onClick={() => openIncident(incident.id)}>
          <span className="history-title">{incident.title}</span>
          <span className="history-meta">
            <SeverityBadge scale={incident.scale} level={incident.severity} />
            <StatusBadge status={incident.status} />
            <span>{formatDateAndTime(incident.recordedAt, clock)}</span>
            <span>{incident.lead ? `Lead ${incident.lead}` : 'No lead'}</span>
            {incident.resolvedAt && !incident.active && (
              <span>
                Resolved in{' '}
                {formatDuration(Date.parse(incident.resolvedAt) - Date.parse(incident.recordedAt))}
              </span>
            )}
          </span>
        </button>
      )}
    </VirtualRows>
  )
}
