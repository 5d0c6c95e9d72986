import type { Dispatch, SetStateAction } from 'react'
import {
  allowedLevels,
  severityLabel,
  STATUS_LABELS,
  STATUSES,
} from '../../../../electron/shared/format'
import type { SeverityScaleId } from '../../../../electron/shared/types'
import { isFiltered, NO_FILTERS, NO_LEAD, type HistoryFilters } from './history-filter'
import { IsoDateInput } from '../common/IsoDateInput'

/** The history's filters: text, status, severity, lead and a date range. */
export function HistoryFiltersForm(props: {
  filters: HistoryFilters
  setFilters: Dispatch<SetStateAction<HistoryFilters>>
  scale: SeverityScaleId
  leads: string[]
}) {
  const { filters, setFilters, scale, leads } = props
  const set = (patch: Partial<HistoryFilters>) => setFilters((f) => ({ ...f, ...patch }))
  return (
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
      <DateField label="From" value={filters.from} onChange={(from) => set({ from })} />
      <DateField label="To" value={filters.to} onChange={(to) => set({ to })} />
      <button
        type="button"
        className="history-clear"
        disabled={!isFiltered(filters)}
        onClick={() => setFilters(NO_FILTERS)}
      >
        Clear filters
      </button>
    </form>
  )
}

function DateField(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span className="label">{props.label}</span>
      <IsoDateInput value={props.value} onChange={props.onChange} />
    </label>
  )
}
