import { useState, type FormEvent } from 'react'
import { proposeCritical } from '../../../../electron/domain/settings/backup-prompt'
import type { IncidentView } from '../../../../electron/domain/incident'
import { api } from '../../api'
import { useApiCall } from '../../useApiCall'
import { FormError, RegisterCard } from '../common/RegisterCard'

/** Follow-up issues; "critical" is proposed for severity 1 and 2 stabilization work. */
export function FollowupsRegister({ incident }: { incident: IncidentView }) {
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [critical, setCritical] = useState(() => proposeCritical(incident.severity))
  const [adding, setAdding] = useState(false)
  const { error, busy, run } = useApiCall()
  const open = incident.followups.filter((f) => !f.done).length
  const add = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(() => api.followup.add({ id: incident.id, title, url, critical }))
    if (done) {
      setTitle('')
      setUrl('')
      setCritical(proposeCritical(incident.severity))
      setAdding(false)
    }
  }
  return (
    <RegisterCard
      add={adding ? undefined : { label: 'Follow-up issue', onClick: () => setAdding(true) }}
      title="Follow-up issues"
      quiet={incident.followups.length ? `${open} open` : 'none'}
    >
      <ul className="register-list">
        {incident.followups.map((f) => (
          <li key={f.id} className="register-item">
            <label className="register-main check">
              <input
                type="checkbox"
                checked={f.done}
                disabled={busy}
                onChange={(e) =>
                  void run(() =>
                    api.followup.update({
                      id: incident.id,
                      followupId: f.id,
                      done: e.target.checked,
                    }),
                  )
                }
              />
              <span className={f.done ? 'done' : undefined}>
                {f.url ? (
                  <a href={f.url} target="_blank" rel="noreferrer">
                    {f.title}
                  </a>
                ) : (
                  f.title
                )}
              </span>
              {f.critical && <span className="badge sev-1">critical</span>}
            </label>
          </li>
        ))}
      </ul>
      {adding && (
        <form className="register-form" onSubmit={(e) => void add(e)}>
          <input
            aria-label="Follow-up title"
            placeholder="Follow-up issue title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <input
            aria-label="Follow-up URL"
            placeholder="https://github.com/… (optional)"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={critical}
              onChange={(e) => setCritical(e.target.checked)}
            />
            Critical
          </label>
          <button type="submit" disabled={busy}>
            Add
          </button>
          <button type="button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      )}
      <FormError message={error} />
    </RegisterCard>
  )
}
