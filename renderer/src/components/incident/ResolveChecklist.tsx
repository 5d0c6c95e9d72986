import { useEffect, useState, type FormEvent } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { ResolveChecklistItem as ChecklistItem } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import { ModalDialog } from '../common/ModalDialog'
import './ResolveChecklist.css'

/**
 * The one way to resolve (the status control's "Resolved…"): shows only what still holds it up,
 * each line done right here, and resolves when nothing is left, or anyway with a reason.
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
  const why = blockedBecause(items, blocking.length, summary)
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
          <p className="hint">
            Before Resolved: no alarm left silenced, no measure left half-undone, and the
            communication for this status done.
          </p>
        </header>
        <OutstandingList incidentId={incident.id} items={items} blocking={blocking} />
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
          <OverrideRow
            reason={reason}
            setReason={setReason}
            disabled={busy || !summary.trim() || !reason.trim()}
            why={overrideNeeds(reason, summary, blocking.length)}
            onResolve={(e) => void resolve(e, true)}
          />
        )}
        <FormError message={error} />
        <footer className="dialog-footer resolve-footer">
          <p id="resolve-why" className="resolve-why" role="status">
            {why}
          </p>
          <button type="button" onClick={onClose}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || why !== ''}
            aria-describedby="resolve-why"
          >
            Resolve
          </button>
        </footer>
      </form>
    </ModalDialog>
  )
}

/** "Resolve anyway" on one line with its reason; the hint under it says what it still needs. */
function OverrideRow(props: {
  reason: string
  setReason: (reason: string) => void
  disabled: boolean
  why: string
  onResolve: (event: FormEvent) => void
}) {
  return (
    <div className="resolve-override">
      <label className="field">
        <span className="label">Reason to resolve anyway</span>
        <input
          value={props.reason}
          placeholder="e.g. kept on purpose"
          aria-describedby="resolve-override-why"
          onChange={(e) => props.setReason(e.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={props.disabled}
        aria-describedby="resolve-override-why"
        onClick={props.onResolve}
      >
        Resolve anyway
      </button>
      <p id="resolve-override-why" className="hint resolve-override-why">
        {props.why}
      </p>
    </div>
  )
}

/** What "Resolve anyway" still needs, or what it will leave open. */
function overrideNeeds(reason: string, summary: string, open: number): string {
  if (!reason.trim()) return 'Type a reason to resolve anyway.'
  if (!summary.trim()) return 'Write the solution summary first.'
  return `${openCount(open)} will stay open.`
}

const openCount = (n: number) => `${n} item${n === 1 ? '' : 's'}`

/** Why "Resolve" is disabled, in words beside it; '' when it may be pressed. */
function blockedBecause(items: ChecklistItem[] | null, open: number, summary: string): string {
  if (items === null) return 'Checking what is open…'
  if (open > 0) return `${openCount(open)} still open above.`
  if (!summary.trim()) return 'Write the solution summary.'
  return ''
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

function OutstandingList(props: {
  incidentId: string
  items: ChecklistItem[] | null
  blocking: ChecklistItem[]
}) {
  const { incidentId, items, blocking } = props
  return (
    <section aria-label="Outstanding before Resolved" className="resolve-list">
      {items === null ? (
        <p className="hint">Checking…</p>
      ) : blocking.length ? (
        <ul>
          {blocking.map((item) => (
            <OutstandingItem key={item.kind + item.label} incidentId={incidentId} item={item} />
          ))}
        </ul>
      ) : (
        <p className="resolve-clear">✓ Nothing left silenced, undone or uncommunicated.</p>
      )}
    </section>
  )
}

/** One open line with the way to close it where it is: tick, re-enable, mark undone. */
function OutstandingItem({ incidentId, item }: { incidentId: string; item: ChecklistItem }) {
  const { error, busy, run } = useApiCall()
  const ref = item.ref ?? ''
  if (item.kind === 'communication') {
    return (
      <li className="resolve-item kind-communication">
        <label className="resolve-tick">
          <input
            type="checkbox"
            disabled={busy}
            onChange={() =>
              void run(() => api.comms.check({ id: incidentId, item: ref, done: true }))
            }
          />
          <span>{item.label}</span>
        </label>
        <FormError message={error} />
      </li>
    )
  }
  const act =
    item.kind === 'alarm'
      ? {
          label: 'Re-enable',
          call: () => api.alarm.reenable({ id: incidentId, alarmId: ref }),
        }
      : {
          label: 'Mark undone',
          call: () => api.measure.undo({ id: incidentId, measureId: ref, note: '', full: true }),
        }
  return (
    <li className={`resolve-item kind-${item.kind}`}>
      <span>{item.text}</span>
      <button
        type="button"
        className="small"
        disabled={busy}
        aria-label={`${act.label}: ${item.label}`}
        onClick={() => void run(act.call)}
      >
        {act.label}
      </button>
      <FormError message={error} />
    </li>
  )
}
