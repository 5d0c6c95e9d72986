import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import {
  KEY_TIME_LABELS,
  KEY_TIMES,
  STATUS_LABELS,
  STATUSES,
} from '../../../../electron/shared/format'
import type { KeyTime, Status } from '../../../../electron/shared/types'
import { api } from '../../api'
import { clockPlaceholder } from '../../../../electron/shared/time'
import { formatDuration, formatLocalAndUtc, useClockStyle, useNow, type Zone } from '../../time'
import { datedMoment, timeOfDay } from '../timeline/view'
import { FormDialog } from '../common/FormDialog'
import './KeyTimesPanel.css'

const span = (ms: number | null) => (ms === null ? '—' : formatDuration(ms))

/** Key times (each correctable with a reason) and the durations that follow from them. */
export function KeyTimesPanel({ incident }: { incident: IncidentViewModel }) {
  const now = useNow()
  const [editing, setEditing] = useState<KeyTime | null>(null)
  const m = incident.metrics
  // The host counted up to m.at; the current status keeps counting on the window's clock.
  const inStatus = (s: Status) =>
    m.timeInStatus[s] + (s === m.counting ? Math.max(0, now - Date.parse(m.at)) : 0)
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
                {value ? (
                  <time dateTime={value}>{formatLocalAndUtc(value)}</time>
                ) : (
                  <span className="hint">not yet</span>
                )}{' '}
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
        {STATUSES.filter((s) => inStatus(s) > 0).map((s) => (
          <div key={s}>
            <dt>In {STATUS_LABELS[s]}</dt>
            <dd>{formatDuration(inStatus(s))}</dd>
          </div>
        ))}
      </dl>
      {editing && (
        <KeyTimeDialog incident={incident} keyTime={editing} onClose={() => setEditing(null)} />
      )}
    </section>
  )
}

/** The moment a typed date and time names in the zone; null when it cannot be read. */
function fromZonedInput(value: string, zone: Zone): string | null {
  const at = datedMoment(value, zone)
  return at === undefined ? null : new Date(at).toISOString()
}

function KeyTimeDialog(props: {
  incident: IncidentViewModel
  keyTime: KeyTime
  onClose: () => void
}) {
  const { incident, keyTime } = props
  const current = incident.keyTimes[keyTime] ?? incident.keyTimes.detectedAt
  const clock = useClockStyle()
  const [zone, setZone] = useState<Zone>('utc')
  const [value, setValue] = useState(timeOfDay(current, 'utc'))
  const [reason, setReason] = useState('')
  const switchZone = (next: Zone) => {
    const at = fromZonedInput(value, zone)
    if (at) setValue(timeOfDay(at, next))
    setZone(next)
  }
  return (
    <FormDialog
      title={`${KEY_TIME_LABELS[keyTime]} time`}
      hint="A date and time (YYYY-MM-DD and a time on your clock), in UTC or your time zone. The correction and its reason go on the timeline."
      submitLabel="Save time"
      onClose={props.onClose}
      onSubmit={async () => {
        const at = fromZonedInput(value, zone)
        if (!at) return `Enter a date and a time, like ${timeOfDay(current, zone)}.`
        const r = await api.incident.setKeyTime({
          id: incident.id,
          key: keyTime,
          at,
          reason,
        })
        return r.ok ? null : r.error.message
      }}
    >
      <fieldset className="field">
        <legend className="label">{KEY_TIME_LABELS[keyTime]}</legend>
        {/* Typed as every date in the app reads (ISO day, the clock setting), not the
            browser's locale picker (mm/dd/yyyy, AM/PM on an English system). */}
        <input
          type="text"
          spellCheck={false}
          placeholder={`YYYY-MM-DD ${clockPlaceholder(clock)}`}
          aria-invalid={value.trim() !== '' && !fromZonedInput(value, zone) ? true : undefined}
          aria-label={`${KEY_TIME_LABELS[keyTime]} (${zone === 'utc' ? 'UTC' : 'local time'})`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />{' '}
        <span className="segmented" role="radiogroup" aria-label="Time zone">
          {(['utc', 'local'] as const).map((z) => (
            <label key={z}>
              <input type="radio" checked={zone === z} onChange={() => switchZone(z)} />
              <span>{z === 'utc' ? 'UTC' : 'Local'}</span>
            </label>
          ))}
        </span>
      </fieldset>
      <label className="field">
        <span className="label">Why is it corrected?</span>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </FormDialog>
  )
}
