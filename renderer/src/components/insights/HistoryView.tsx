import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { IncidentSummary } from '../../../../electron/domain/incident'
import { allowedLevels, severityLabel } from '../../../../electron/domain/incident/severity'
import { STATUS_LABELS, STATUSES } from '../../../../electron/domain/lifecycle/status'
import { api } from '../../api'
import {
  filterHistory,
  isFiltered,
  leadsOf,
  NO_FILTERS,
  NO_LEAD,
  type HistoryFilters,
} from './history-filter'
import { useApp } from '../../store'
import { formatDuration } from '../../time'
import { SeverityBadge, StatusBadge } from '../incident/Badges'
import './HistoryView.css'

const day = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** Every incident, newest first, with filters and full-text search; a click opens one. */
export function HistoryView({ incidents }: { incidents: IncidentSummary[] }) {
  const scale = useApp((s) => s.snapshot?.settings.severityScale ?? 'openverse')
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS)
  const [matches, setMatches] = useState<{ text: string; ids: Set<string> } | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const set = (patch: Partial<HistoryFilters>) => setFilters((f) => ({ ...f, ...patch }))

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

  const shown = useMemo(
    () => (searching ? [] : filterHistory(incidents, filters, textMatches)),
    [incidents, filters, textMatches, searching],
  )
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
      <form className="history-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field grow">
          <span className="label">Search titles and timelines</span>
          <input
            type="search"
            value={filters.text}
            placeholder="e.g. redis timeout"
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="label">Status</span>
          <select
            value={filters.status}
            onChange={(e) => set({ status: e.target.value as HistoryFilters['status'] })}
          >
            <option value="">Any status</option>
            <option value="active">Any active</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Severity</span>
          <select
            value={filters.severity ?? ''}
            onChange={(e) => set({ severity: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Any severity</option>
            {allowedLevels(scale).map((level) => (
              <option key={level} value={level}>
                {severityLabel(scale, level)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Lead</span>
          <select value={filters.lead} onChange={(e) => set({ lead: e.target.value })}>
            <option value="">Anyone</option>
            <option value={NO_LEAD}>No lead</option>
            {leads.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">From</span>
          <input
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="label">To</span>
          <input
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="history-clear"
          disabled={!isFiltered(filters)}
          onClick={() => setFilters(NO_FILTERS)}
        >
          Clear filters
        </button>
      </form>
      <p className="history-count" role="status" aria-live="polite">
        {searchError ??
          (searching
            ? 'Searching…'
            : isFiltered(filters)
              ? `${shown.length.toLocaleString()} of ${incidents.length.toLocaleString()} incidents`
              : `${incidents.length.toLocaleString()} incidents`)}
      </p>
      <HistoryList incidents={shown} empty={incidents.length === 0} />
    </main>
  )
}

const ROW_HEIGHT = 64

function HistoryList({ incidents, empty }: { incidents: IncidentSummary[]; empty: boolean }) {
  const openIncident = useApp((s) => s.openIncident)
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer hands out functions React Compiler must not memoize; it is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: incidents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => incidents[index]?.id ?? index,
  })
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
    <div className="history-scroll" ref={scroller}>
      <ol
        className="history-list"
        aria-label="Incidents found"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const incident = incidents[row.index]!
          return (
            <li
              key={row.key}
              className="history-row"
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
            >
              <button type="button" onClick={() => openIncident(incident.id)}>
                <span className="history-title">{incident.title}</span>
                <span className="history-meta">
                  <SeverityBadge scale={incident.scale} level={incident.severity} />
                  <StatusBadge status={incident.status} />
                  <span>{day.format(new Date(incident.recordedAt))}</span>
                  <span>{incident.lead ? `Lead ${incident.lead}` : 'No lead'}</span>
                  {incident.resolvedAt && !incident.active && (
                    <span>
                      Resolved in{' '}
                      {formatDuration(
                        Date.parse(incident.resolvedAt) - Date.parse(incident.recordedAt),
                      )}
                    </span>
                  )}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
