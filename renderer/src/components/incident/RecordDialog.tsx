import { useState, type FormEvent } from 'react'
import { STORAGE_ERRORS } from '../../../../electron/shared/result'
import {
  DETECTION_LABELS,
  DETECTION_METHODS,
  type DetectionMethod,
} from '../../../../electron/domain/events'
import { cleanLine } from '../../../../electron/domain/input-rules'
import { AREA_SUGGESTIONS } from '../../../../electron/domain/record'
import { SEVERITY_SCALES } from '../../../../electron/domain/severity'
import type { InitialStatus } from '../../../../electron/domain/status'
import { api } from '../../api'
import { useApp } from '../../store'
import { MOD } from '../../keys'
import { useModalDialog } from '../../useModalDialog'
import './severity-options.css'

/** Record an incident in seconds: only the title is required; everything else has a default. */
export function RecordDialog() {
  const settings = useApp((s) => s.snapshot!.settings)
  const close = useApp((s) => s.closeRecord)
  const openIncident = useApp((s) => s.openIncident)
  const scale = SEVERITY_SCALES[settings.severityScale]
  const dialog = useModalDialog()
  const [retry, setRetry] = useState(false)
  const [title, setTitle] = useState('')
  const [observed, setObserved] = useState('')
  const [severity, setSeverity] = useState<number | null>(null)
  const [detection, setDetection] = useState<DetectionMethod>('alert')
  const [area, setArea] = useState('')
  const [status, setStatus] = useState<InitialStatus>('pending')
  const defaultRecorder = useApp((s) => s.snapshot!.defaultRecorder)
  const [recorder, setRecorder] = useState(settings.you.name || defaultRecorder)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (busy) return
    if (severity === null) {
      setError('Choose an estimated severity: your best judgement is enough, it can change later.')
      return
    }
    setBusy(true)
    const result = await api.incident.record({
      title,
      observed,
      severity,
      detection,
      area,
      recorder,
      status,
    })
    setBusy(false)
    // The disk refused the write: every field keeps what was typed, the button says Retry.
    setRetry(!result.ok && STORAGE_ERRORS.has(result.error.code))
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    close()
    openIncident(result.value.id)
  }

  const shown = scale.levels.find((l) => l.level === severity)

  return (
    <dialog
      ref={dialog}
      className="dialog record-dialog"
      aria-labelledby="record-heading"
      onCancel={(e) => {
        e.preventDefault()
        close()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit()
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <header className="dialog-header">
          <h2 id="record-heading">Record an incident</h2>
          <p className="hint">Recording is your only duty here. Only the title is required.</p>
        </header>

        <label className="field">
          <span className="label">Title</span>
          <input
            autoFocus
            value={title}
            onChange={(e) => setTitle(cleanLine(e.target.value))}
            placeholder="e.g. API returns 500 for all searches"
            aria-invalid={error !== null && !title.trim()}
          />
        </label>

        <label className="field">
          <span className="label">What do you see?</span>
          <textarea
            rows={2}
            value={observed}
            onChange={(e) => setObserved(e.target.value)}
            placeholder="Symptoms, error messages, since when, who is affected"
          />
        </label>

        <fieldset className="field">
          <legend className="label">Estimated severity</legend>
          <div className="severity-options">
            {scale.levels.map((level) => (
              <label
                key={level.level}
                className={`severity-option sev-${Math.min(level.level, 4)}`}
              >
                <input
                  type="radio"
                  name="severity"
                  value={level.level}
                  checked={severity === level.level}
                  onChange={() => setSeverity(level.level)}
                />
                <span className="severity-option-label">{level.label}</span>
                <span className="severity-option-def">{level.definition}</span>
              </label>
            ))}
          </div>
          <div className="severity-examples" aria-live="polite">
            {shown && shown.examples.length > 0 ? (
              <>
                <span className="label-small">{shown.label} examples from the runbook:</span>
                <ul>
                  {shown.examples.map((ex) => (
                    <li key={ex}>{ex}</li>
                  ))}
                </ul>
              </>
            ) : (
              <span className="hint">
                {shown ? '' : 'Use your best judgement; the severity can be changed later.'}
              </span>
            )}
          </div>
        </fieldset>

        <div className="field-row">
          <fieldset className="field">
            <legend className="label">How was it detected?</legend>
            <div className="segmented">
              {DETECTION_METHODS.map((method) => (
                <label key={method}>
                  <input
                    type="radio"
                    name="detection"
                    checked={detection === method}
                    onChange={() => setDetection(method)}
                  />
                  <span>{DETECTION_LABELS[method]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span className="label">Affected area</span>
            <input
              list="area-suggestions"
              value={area}
              onChange={(e) => setArea(cleanLine(e.target.value))}
              placeholder="e.g. API"
            />
            <datalist id="area-suggestions">
              {AREA_SUGGESTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </label>
        </div>

        <div className="field-row">
          <fieldset className="field">
            <legend className="label">Is service still disrupted?</legend>
            <div className="segmented">
              <label>
                <input
                  type="radio"
                  name="status"
                  checked={status === 'pending'}
                  onChange={() => setStatus('pending')}
                />
                <span>Yes: Stabilization pending</span>
              </label>
              <label>
                <input
                  type="radio"
                  name="status"
                  checked={status === 'stabilized'}
                  onChange={() => setStatus('stabilized')}
                />
                <span>No, already stable: Stabilized</span>
              </label>
            </div>
          </fieldset>
          <label className="field">
            <span className="label">Recorded by (you)</span>
            <input
              value={recorder}
              onChange={(e) => setRecorder(cleanLine(e.target.value))}
              placeholder="Your name"
            />
          </label>
        </div>

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}

        <footer className="dialog-footer">
          <button type="button" onClick={close}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {retry ? 'Retry' : 'Record incident'} <kbd>{MOD}+Enter</kbd>
          </button>
        </footer>
      </form>
    </dialog>
  )
}
