import { useState } from 'react'
import type { Incident } from '../../../electron/domain/incident'
import { incidentMetrics } from '../../../electron/domain/key-times'
import { KEY_TIME_LABELS, KEY_TIMES, type KeyTime } from '../../../electron/domain/lifecycle-events'
import { STATUS_LABELS, STATUSES } from '../../../electron/domain/status'
import { api } from '../api'
import { formatDuration, formatLocalAndUtc, useNow } from '../time'
import { FormDialog } from './FormDialog'

const span = (ms: number | null) => (ms === null ? '—' : formatDuration(ms))

/** Key times (each correctable with a reason) and the durations that follow from them. */
export function KeyTimesPanel({ incident }: { incident: Incident }) {
  const now = useNow()
  const [editing, setEditing] = useState<KeyTime | null>(null)
  const m = incidentMetrics(incident, now)
  return (
    <section className="key-times" aria-label="Key times">
      <h3>Key times</h3>
      <dl className="key-times-list">
        {KEY_TIMES.map((key) => {
          const value = incident.keyTimes[key]
          return (
            <div key={key}>
              <dt>{KEY_TIME_LABELS[key]}</dt>
              <dd>
                {value ? formatLocalAndUtc(value) : <span className="hint">not yet</span>}{' '}
                {(value || key === 'impactStartedAt') && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Edit ${KEY_TIME_LABELS[key]} time`}
                    onClick={() => setEditing(key)}
                  >
                    {value ? 'Edit' : 'Set'}
                  </button>
                )}
              </dd>
            </div>
          )
        })}
      </dl>
      <dl className="key-times-metrics">
        <div>
          <dt>Time to detect</dt>
          <dd>{span(m.timeToDetect)}</dd>
        </div>
        <div>
          <dt>Time to stabilize</dt>
          <dd>{span(m.timeToStabilize)}</dd>
        </div>
        <div>
          <dt>Time to resolve</dt>
          <dd>{span(m.timeToResolve)}</dd>
        </div>
        {STATUSES.filter((s) => m.timeInStatus[s] > 0).map((s) => (
          <div key={s}>
            <dt>In {STATUS_LABELS[s]}</dt>
            <dd>{formatDuration(m.timeInStatus[s])}</dd>
          </div>
        ))}
      </dl>
      {editing && (
        <KeyTimeDialog incident={incident} keyTime={editing} onClose={() => setEditing(null)} />
      )}
    </section>
  )
}

/** "2026-11-23T14:05" in local time, what <input type="datetime-local"> shows. */
function localInput(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function KeyTimeDialog(props: { incident: Incident; keyTime: KeyTime; onClose: () => void }) {
  const { incident, keyTime } = props
  const current = incident.keyTimes[keyTime] ?? incident.keyTimes.detectedAt
  const [value, setValue] = useState(localInput(current))
  const [reason, setReason] = useState('')
  return (
    <FormDialog
      title={`${KEY_TIME_LABELS[keyTime]} time`}
      hint="Times are in your local time zone. The correction and its reason go on the timeline."
      submitLabel="Save time"
      onClose={props.onClose}
      onSubmit={async () => {
        const at = new Date(value)
        if (Number.isNaN(at.getTime())) return 'Enter a date and time.'
        const r = await api.incident.setKeyTime({
          id: incident.id,
          key: keyTime,
          at: at.toISOString(),
          reason,
        })
        return r.ok ? null : r.error.message
      }}
    >
      <label className="field">
        <span className="label">{KEY_TIME_LABELS[keyTime]}</span>
        <input type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">Why is it corrected?</span>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </FormDialog>
  )
}
