import {
  DETECTION_LABELS,
  DETECTION_METHODS,
  cleanLine,
  AREA_SUGGESTIONS,
  SEVERITY_SCALES,
} from '../../../../electron/shared/format'
import { useApp } from '../../store'
import { MOD } from '../../keys'
import { ModalDialog } from '../common/ModalDialog'
import { RadioGroup } from '../common/RadioGroup'
import { useOpenFromP2 } from './OpenFromP2'
import { SeverityField } from './SeverityField'
import { useRecordForm, type RecordFields } from './useRecordForm'
import './severity-options.css'

type Setter = <K extends keyof RecordFields>(key: K, value: RecordFields[K]) => void

/** Record an incident in seconds: only the title is required; everything else has a default. */
export function RecordDialog() {
  const scaleId = useApp((s) => s.snapshot!.settings.severityScale)
  const { fields, set, submit, retry, error, busy, close } = useRecordForm()
  return (
    <ModalDialog
      className="dialog record-dialog"
      aria-labelledby="record-heading"
      onClose={close}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit()
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
        noValidate
      >
        <header className="dialog-header">
          <h2 id="record-heading">Record an incident</h2>
          <p className="hint">Recording is your only duty here. Only the title is required.</p>
        </header>

        <label className="field">
          <span className="label">Title</span>
          <input
            autoFocus
            value={fields.title}
            onChange={(e) => set('title', cleanLine(e.target.value))}
            placeholder="e.g. API returns 500 for all searches"
            aria-invalid={error !== null && !fields.title.trim()}
          />
        </label>

        <label className="field">
          <span className="label">What do you see?</span>
          <textarea
            rows={2}
            value={fields.observed}
            onChange={(e) => set('observed', e.target.value)}
            placeholder="Symptoms, error messages, since when, who is affected"
          />
        </label>

        <SeverityField
          scale={SEVERITY_SCALES[scaleId]}
          severity={fields.severity}
          onChange={(level) => set('severity', level)}
        />
        <DetectionRow fields={fields} set={set} />
        <StatusRow fields={fields} set={set} />

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}

        <footer className="dialog-footer">
          <button
            type="button"
            className="link"
            title="Someone recorded it already: take it over from its post on the P2"
            onClick={() => {
              close()
              useOpenFromP2.getState().show()
            }}
          >
            Open from the P2…
          </button>
          <button type="button" onClick={close}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {retry ? 'Retry' : 'Record incident'} <kbd>{MOD}+Enter</kbd>
          </button>
        </footer>
      </form>
    </ModalDialog>
  )
}

function DetectionRow({ fields, set }: { fields: RecordFields; set: Setter }) {
  return (
    <div className="field-row">
      <RadioGroup
        legend="How was it detected?"
        name="detection"
        options={DETECTION_METHODS.map((m) => ({ value: m, label: DETECTION_LABELS[m] }))}
        value={fields.detection}
        onChange={(method) => set('detection', method)}
      />
      <label className="field">
        <span className="label">Affected area</span>
        <input
          list="area-suggestions"
          value={fields.area}
          onChange={(e) => set('area', cleanLine(e.target.value))}
          placeholder="e.g. API"
        />
        <datalist id="area-suggestions">
          {AREA_SUGGESTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
    </div>
  )
}

const STATUS_CHOICES = [
  { value: 'pending', label: 'Yes: Stabilization pending' },
  { value: 'stabilized', label: 'No, already stable: Stabilized' },
] as const

function StatusRow({ fields, set }: { fields: RecordFields; set: Setter }) {
  return (
    <div className="field-row">
      <RadioGroup
        legend="Is service still disrupted?"
        name="status"
        options={STATUS_CHOICES}
        value={fields.status}
        onChange={(status) => set('status', status)}
      />
      <RecorderField fields={fields} set={set} />
    </div>
  )
}

/**
 * Who records, in words the team knows: the name in settings, or (while there is none) a field
 * prefilled with the system's name for the user, saved to settings when the incident is recorded.
 * Never required: recording needs only the title.
 */
function RecorderField({ fields, set }: { fields: RecordFields; set: Setter }) {
  const saved = useApp((s) => s.snapshot!.settings.you.name)
  if (saved) {
    return (
      <p className="field recorder-known">
        <span className="label">Recorded by</span>
        <span>
          <span className="recorder-name">{saved}</span>{' '}
          <span className="hint">(Settings → You)</span>
        </span>
      </p>
    )
  }
  return (
    <div className="field">
      <label className="field">
        <span className="label">Recorded by (you)</span>
        <input
          value={fields.recorder}
          onChange={(e) => set('recorder', cleanLine(e.target.value))}
          placeholder="Your name"
          aria-describedby="recorder-hint"
        />
      </label>
      <span id="recorder-hint" className="hint">
        how the team knows you
      </span>
    </div>
  )
}
