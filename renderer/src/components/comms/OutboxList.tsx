import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { useApiCall } from '../../useApiCall'
import { plural } from '../../plural'

/** What waits to be published: how many, why, and Retry / Cancel for each. */
export function OutboxList({ incident }: { incident: IncidentViewModel }) {
  const { error, busy, run } = useApiCall()
  const outbox = incident.publishing.outbox
  if (outbox.length === 0) return null
  return (
    <section className="outbox" aria-label="Outbox">
      <p className="outbox-count" role="status">
        {outbox.length} waiting to publish
      </p>
      <ul>
        {outbox.map((item) => (
          <li key={item.id}>
            <strong>{item.label}</strong>
            {item.statusTag && item.kind === 'tags' && <code> {item.statusTag}</code>}
            <span className="hint">
              {' '}
              {item.lastError
                ? `${item.lastError}${item.autoRetry ? '' : ' Retry when it is fixed.'} (${plural(item.attempts, 'try', 'tries')})`
                : 'Sending…'}
            </span>
            <span className="outbox-actions">
              <button
                type="button"
                className="small"
                disabled={busy}
                onClick={() =>
                  void run(() => api.publishing.retry({ id: incident.id, requestId: item.id }))
                }
              >
                Retry
              </button>
              <button
                type="button"
                className="small"
                disabled={busy}
                onClick={() =>
                  void run(() => api.publishing.cancel({ id: incident.id, requestId: item.id }))
                }
              >
                Cancel
              </button>
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
