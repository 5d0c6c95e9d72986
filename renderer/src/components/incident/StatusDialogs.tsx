import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { SEVERITY_SCALES, STATUS_LABELS } from '../../../../electron/shared/format'
import type { Status } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'
import { formatDuration, useNow } from '../../time'
import { FormDialog } from '../common/FormDialog'

export function MoveDialog({
  incident,
  to,
  onClose,
  initialSummary = '',
}: {
  incident: IncidentViewModel
  to: Status
  onClose: () => void
  /** Where the summary starts (Apply of the P2's status: its newest comment). */
  initialSummary?: string
}) {
  const [summary, setSummary] = useState(initialSummary)
  const needed = incident.moves.find((m) => m.to === to)?.summary ?? null
  const label =
    needed === 'mitigation'
      ? 'Mitigation summary: what stopped the disruption?'
      : needed === 'solution'
        ? 'Solution summary: what was fixed so it won’t recur?'
        : 'Note (optional)'
  return (
    <FormDialog
      title={`Move to ${STATUS_LABELS[to]}`}
      hint={`From ${STATUS_LABELS[incident.status]}. The move goes on the timeline with your name and the time.`}
      submitLabel={`Move to ${STATUS_LABELS[to]}`}
      onClose={onClose}
      onSubmit={async () => {
        const result = await api.incident.move({
          id: incident.id,
          to,
          ...(summary.trim() ? { summary } : {}),
        })
        return result.ok ? null : result.error.message
      }}
    >
      <label className="field">
        <span className="label">{label}</span>
        <textarea autoFocus rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </label>
    </FormDialog>
  )
}

export function RecurDialog({
  incident,
  onClose,
}: {
  incident: IncidentViewModel
  onClose: () => void
}) {
  const now = useNow(1000)
  const select = useApp((s) => s.select)
  const [note, setNote] = useState('')
  const [title, setTitle] = useState(incident.title)
  const [severity, setSeverity] = useState(incident.severity)
  // The host decides (on its clock) and the store asks again when `until` passes.
  const reopen = incident.recurrence?.outcome === 'reopen'
  const resolvedAt = incident.keyTimes.resolvedAt
  const since = resolvedAt ? now - Date.parse(resolvedAt) : 0
  return (
    <FormDialog
      title="It happened again"
      hint={
        reopen
          ? `Resolved ${formatDuration(since)} ago, within 48 hours: the incident goes back to Stabilization pending.`
          : `Resolved ${resolvedAt ? `${formatDuration(since)} ago` : 'earlier'}, more than 48 hours: the policy asks for a new incident, linked to this one.`
      }
      submitLabel={reopen ? 'Reopen: Stabilization pending' : 'Record a new incident'}
      onClose={onClose}
      onSubmit={async () => {
        const result = await api.incident.recur({
          id: incident.id,
          note,
          ...(reopen ? {} : { title, severity }),
        })
        if (!result.ok) return result.error.message
        if (result.value.outcome === 'new-incident') void select(result.value.incident.id)
        return null
      }}
    >
      <label className="field">
        <span className="label">What happened again?</span>
        <textarea autoFocus rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {!reopen && (
        <>
          <label className="field">
            <span className="label">New incident’s title</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span className="label">Severity</span>
            <select value={severity} onChange={(e) => setSeverity(Number(e.target.value))}>
              {SEVERITY_SCALES[incident.scale].levels.map((l) => (
                <option key={l.level} value={l.level}>
                  {l.label}: {l.definition}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </FormDialog>
  )
}
