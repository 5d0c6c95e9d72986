import { useEffect, useState, type FormEvent } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { ResolveChecklistItem as ChecklistItem } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import { ModalDialog } from '../common/ModalDialog'
import './ResolveChecklist.css'

/**
 * The one way to resolve (the status control's "Resolved…"): shows what is outstanding and
 * resolves only when nothing is, or with a reason.
 */
export function ResolveDialog({
  incident,
  onClose,
}: {
  incident: IncidentViewModel
  onClose: () => void
}) {
  const items = useResolveCheck(incident)
  const [summary, setSummary] = useState(incident.solutionSummary ?? '')
  const [reason, setReason] = useState('')
  const { error, busy, run } = useApiCall()

  const blocking = (items ?? []).filter((i) => i.kind !== 'summary')
  const resolve = async (event: FormEvent, override: boolean) => {
    event.preventDefault()
    const done = await run(() =>
      api.incident.resolve({
        id: incident.id,
        solutionSummary: summary,
        ...(override && { override: { reason } }),
      }),
    )
    if (done) onClose()
  }
  return (
    <ModalDialog
      className="dialog resolve-dialog"
      aria-labelledby="resolve-heading"
      onClose={onClose}
    >
      <form onSubmit={(e) => void resolve(e, false)} noValidate>
        <header className="dialog-header">
          <h2 id="resolve-heading">Resolve “{incident.title}”</h2>
          <p className="hint">Nothing may stay silenced or half-undone after Resolved.</p>
        </header>
        <OutstandingList items={items} blocking={blocking} />
        <label className="field">
          <span className="label">Solution summary</span>
          <textarea
            rows={2}
            value={summary}
            placeholder="In a sentence: how was it solved?"
            onChange={(e) => setSummary(e.target.value)}
          />
        </label>
        {blocking.length > 0 && (
          <label className="field">
            <span className="label">Or resolve anyway, with a reason (goes on the timeline)</span>
            <input
              value={reason}
              placeholder="e.g. the infra team owns that alarm and re-enables it"
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        )}
        <FormError message={error} />
        <footer className="dialog-footer">
          <button type="button" onClick={onClose}>
            Cancel <kbd>Esc</kbd>
          </button>
          {blocking.length > 0 && (
            <button
              type="button"
              disabled={busy || !reason.trim()}
              onClick={(e) => void resolve(e, true)}
            >
              Resolve anyway
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            Resolve
          </button>
        </footer>
      </form>
    </ModalDialog>
  )
}

/** What the host says is outstanding; it follows the incident, so a line clears when done. */
function useResolveCheck(incident: IncidentViewModel) {
  const [items, setItems] = useState<ChecklistItem[] | null>(null)
  // The list follows the incident: re-enabling an alarm elsewhere clears its line here.
  useEffect(() => {
    void api.incident.resolveCheck({ id: incident.id }).then((r) => r.ok && setItems(r.value))
  }, [incident.id, incident.version])
  return items
}

function OutstandingList(props: { items: ChecklistItem[] | null; blocking: ChecklistItem[] }) {
  const { items, blocking } = props
  return (
    <section aria-label="Outstanding before Resolved" className="resolve-list">
      {items === null ? (
        <p className="hint">Checking…</p>
      ) : blocking.length ? (
        <ul>
          {blocking.map((item) => (
            <li key={item.kind + item.label} className={`resolve-item kind-${item.kind}`}>
              {item.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="resolve-clear">✓ No alarm silenced, no measure left undone.</p>
      )}
    </section>
  )
}
