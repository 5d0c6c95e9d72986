import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { useApiCall } from '../../useApiCall'
import { FormError, RegisterCard } from '../common/RegisterCard'
import { RunbookLibrary } from '../settings/RunbookLibrary'
import { pluralOf } from '../../plural'

/** The linked runbook's first steps as a checklist; ticking one is on the timeline. */
export function RunbookSteps({ incident }: { incident: IncidentViewModel }) {
  const runbooks = useApp((s) => s.snapshot?.settings.runbooks ?? [])
  const [choice, setChoice] = useState('')
  const { error, busy, run } = useApiCall()
  const linked = incident.runbook
  const left = linked?.steps.filter((s) => !s.done).length ?? 0
  return (
    <RegisterCard
      title="Runbook"
      quiet={linked ? `${pluralOf(left, linked.steps.length, 'step')} left` : 'none linked'}
    >
      {linked ? (
        <>
          <p className="runbook-title">
            {linked.url ? (
              <a href={linked.url} target="_blank" rel="noreferrer">
                {linked.title}
              </a>
            ) : (
              linked.title
            )}
          </p>
          {linked.steps.length === 0 && (
            <p className="hint">This runbook has no first steps listed.</p>
          )}
          <ol className="runbook-steps">
            {linked.steps.map((step, i) => (
              <li key={i}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={step.done}
                    disabled={busy}
                    onChange={(e) =>
                      void run(() =>
                        api.runbook.check({ id: incident.id, step: i, done: e.target.checked }),
                      )
                    }
                  />
                  <span className={step.done ? 'done' : undefined}>{step.text}</span>
                </label>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <div className="register-form">
          <select
            aria-label="Runbook to link"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">
              {runbooks.length ? 'Choose a runbook…' : 'No runbooks yet: add or import below'}
            </option>
            {runbooks.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!choice || busy}
            onClick={() => void run(() => api.runbook.link({ id: incident.id, runbookId: choice }))}
          >
            Link
          </button>
        </div>
      )}
      <FormError message={error} />
      <RunbookLibrary />
    </RegisterCard>
  )
}
