import { KIND_LABELS, type KindFilter, type TimeZoneChoice } from './view'
import './TimelineToolbar.css'

interface Props {
  zone: TimeZoneChoice
  onZone(zone: TimeZoneChoice): void
  query: string
  onQuery(query: string): void
  kind: KindFilter
  onKind(kind: KindFilter): void
  showDeleted: boolean
  onShowDeleted(show: boolean): void
  deletedCount: number
}

/** Search, filter by kind, show deleted, local/UTC (the count is in the timeline's head). */
export function TimelineToolbar(props: Props) {
  return (
    <div className="timeline-toolbar" role="toolbar" aria-label="Timeline view">
      <input
        type="search"
        className="timeline-search"
        placeholder="Search…"
        aria-label="Search the timeline"
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
      />
      <select
        aria-label="Show kind"
        value={props.kind}
        onChange={(e) => props.onKind(e.target.value as KindFilter)}
      >
        <option value="all">All kinds</option>
        {Object.entries(KIND_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={props.showDeleted}
          onChange={(e) => props.onShowDeleted(e.target.checked)}
        />
        Show deleted ({props.deletedCount})
      </label>
      <div className="segmented" role="group" aria-label="Times in">
        {(['local', 'utc'] as const).map((zone) => (
          <button
            key={zone}
            type="button"
            aria-pressed={props.zone === zone}
            onClick={() => props.onZone(zone)}
          >
            {zone === 'local' ? 'Local' : 'UTC'}
          </button>
        ))}
      </div>
    </div>
  )
}
