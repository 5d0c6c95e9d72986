import { useState, type FormEvent } from 'react'
import type { IncidentView } from '../../../../electron/domain/incident'
import { isSilenced } from '../../../../electron/domain/mitigation/mitigation'
import { runbooksForAlarm } from '../../../../electron/domain/settings/runbooks'
import { api } from '../../api'
import { useApp } from '../../store'
import { formatDuration, formatLocalAndUtc, useNow } from '../../time'
import { useApiCall } from '../../useApiCall'
import { FormError, RegisterCard } from '../common/RegisterCard'

/** Silenced alarms with a one-click "Re-enabled"; typing a covered alarm proposes its runbook. */
export function AlarmsRegister({ incident }: { incident: IncidentView }) {
  const runbooks = useApp((s) => s.snapshot?.settings.runbooks ?? [])
  const now = useNow()
  const [name, setName] = useState('')
  const [link, setLink] = useState('')
  const [adding, setAdding] = useState(false)
  const { error, busy, run } = useApiCall()
  const silenced = incident.alarms.filter(isSilenced)
  const proposals = incident.runbook ? [] : runbooksForAlarm(runbooks, name)

  const add = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(() => api.alarm.silence({ id: incident.id, name, link }))
    if (done) {
      setName('')
      setLink('')
      setAdding(false)
    }
  }
  return (
    <RegisterCard
      add={adding ? undefined : { label: 'Silenced an alarm', onClick: () => setAdding(true) }}
      title="Silenced alarms"
      open={silenced.length ? `${silenced.length} still silenced` : undefined}
      quiet={incident.alarms.length ? 'all re-enabled' : 'none'}
    >
      <ul className="register-list">
        {incident.alarms.map((alarm) => (
          <li key={alarm.id} className={isSilenced(alarm) ? 'register-item open' : 'register-item'}>
            <div className="register-main">
              <strong>
                {alarm.link ? (
                  <a href={alarm.link} target="_blank" rel="noreferrer">
                    {alarm.name}
                  </a>
                ) : (
                  alarm.name
                )}
              </strong>
              <span className="register-meta" title={formatLocalAndUtc(alarm.silencedAt)}>
                {alarm.reenabledAt
                  ? `✓ re-enabled ${formatLocalAndUtc(alarm.reenabledAt)} by ${alarm.reenabledBy}`
                  : `silenced ${formatDuration(now - Date.parse(alarm.silencedAt))} ago by ${alarm.silencedBy}`}
              </span>
            </div>
            {isSilenced(alarm) && (
              <button
                type="button"
                aria-label={`Re-enabled “${alarm.name}”`}
                disabled={busy}
                onClick={() =>
                  void run(() => api.alarm.reenable({ id: incident.id, alarmId: alarm.id }))
                }
              >
                Re-enabled
              </button>
            )}
          </li>
        ))}
      </ul>
      {adding && (
        <form className="register-form" onSubmit={(e) => void add(e)}>
          <input
            aria-label="Alarm name"
            placeholder="Alarm you silenced, e.g. API 5xx"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <input
            aria-label="Alarm link"
            placeholder="https://… (optional)"
            value={link}
            onChange={(e) => setLink(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Silenced
          </button>
          <button type="button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      )}
      {proposals.map((runbook) => (
        <p key={runbook.id} className="proposal" role="status">
          Runbook “{runbook.title}” covers this alarm.{' '}
          <button
            type="button"
            className="link"
            onClick={() =>
              void run(() => api.runbook.link({ id: incident.id, runbookId: runbook.id }))
            }
          >
            Link “{runbook.title}”
          </button>
        </p>
      ))}
      <FormError message={error} />
    </RegisterCard>
  )
}
