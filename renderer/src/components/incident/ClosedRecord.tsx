import { createContext, useContext } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { STATUS_LABELS } from '../../../../electron/shared/format'
import { api } from '../../api'
import { useTransient } from '../../useTransient'
import { formatDuration, useNow } from '../../time'
import './ClosedRecord.css'

/** True while a resolved or reviewed incident is shown: its record can be read, not changed. */
export const ReadOnly = createContext(false)
export const useReadOnly = () => useContext(ReadOnly)

/** Says why nothing can be changed, how to reopen, and offers the export. */
export function ClosedRecordBanner({ incident }: { incident: IncidentViewModel }) {
  const now = useNow()
  const [message, setMessage] = useTransient()
  // "Reviewed 2 d ago" counts from the review, "Resolved 3 h ago" from the resolution.
  const since = incident.statusHistory.findLast((s) => s.status === incident.status)?.at
  const exportZip = async () => {
    const result = await api.incident.export({ id: incident.id })
    if (!result.ok) setMessage(result.error.message, null)
    else if (result.value.path) setMessage(`Saved ${result.value.path}`)
  }
  return (
    <div className="banner closed-record" role="note">
      <span>
        <strong>{STATUS_LABELS[incident.status]}</strong>
        {since && ` ${formatDuration(now - Date.parse(since))} ago`}. This record is read-only.{' '}
        {/* The how-to waits for a wider window: docked, the timeline needs the room. */}
        <span className="closed-record-more">
          If it happened again, choose <strong>It happened again…</strong> among the moves: within
          48 hours it reopens, later it starts a new incident linked to this one.
        </span>
        <span className="closed-record-message" role="status">
          {message && ` ${message}`}
        </span>
      </span>
      <button type="button" onClick={() => void exportZip()}>
        Export (.zip)
      </button>
    </div>
  )
}

/** A log with lines of a newer app: shown as far as this version understands it, never changed. */
export function NewerVersionBanner({ message }: { message: string }) {
  return (
    <div className="banner closed-record" role="note">
      <span>
        <strong>Read-only.</strong> {message}
      </span>
    </div>
  )
}
