import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { SEVERITY_SCALES } from '../../../../electron/shared/format'
import { api } from '../../api'
import { FormDialog } from '../common/FormDialog'
import './severity-options.css'

/** "Change severity…": every level with its definition; a reason is required. */
export function SeverityChange({ incident }: { incident: IncidentViewModel }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="link" onClick={() => setOpen(true)}>
        Change severity…
      </button>
      {open && <SeverityDialog incident={incident} onClose={() => setOpen(false)} />}
    </>
  )
}

function SeverityDialog({
  incident,
  onClose,
}: {
  incident: IncidentViewModel
  onClose: () => void
}) {
  const scale = SEVERITY_SCALES[incident.scale]
  const [level, setLevel] = useState(incident.severity)
  const [reason, setReason] = useState('')
  return (
    <FormDialog
      title="Change severity"
      hint="The change and its reason go on the timeline."
      submitLabel="Change severity"
      wide
      onClose={onClose}
      onSubmit={async () => {
        const r = await api.incident.setSeverity({ id: incident.id, severity: level, reason })
        return r.ok ? null : r.error.message
      }}
    >
      <fieldset className="field">
        <legend className="label">Severity</legend>
        <div className="severity-options">
          {scale.levels.map((l) => (
            <label key={l.level} className={`severity-option sev-${Math.min(l.level, 4)}`}>
              <input
                type="radio"
                name="severity-change"
                checked={level === l.level}
                onChange={() => setLevel(l.level)}
              />
              <span className="severity-option-label">
                {l.label}
                {l.level === incident.severity ? ' (now)' : ''}
              </span>
              <span className="severity-option-def">{l.definition}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span className="label">Why does it change?</span>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </FormDialog>
  )
}
