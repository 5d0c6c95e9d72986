import { severityLabel, STATUS_LABELS } from '../../../../electron/shared/format'
import type { SeverityScaleId, Status } from '../../../../electron/shared/types'
import './Badges.css'

/** Severity as text and colour; the text alone carries the meaning. */
export function SeverityBadge({ scale, level }: { scale: SeverityScaleId; level: number }) {
  return (
    <span className={`badge sev sev-${Math.min(level, 4)}`}>{severityLabel(scale, level)}</span>
  )
}

const STATUS_ICONS: Record<Status, string> = {
  pending: '●',
  stabilized: '◐',
  investigating: '◔',
  resolved: '✓',
  reviewed: '✓✓',
}

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`badge status status-${status}`}>
      <span aria-hidden="true">{STATUS_ICONS[status]}</span> {STATUS_LABELS[status]}
    </span>
  )
}
