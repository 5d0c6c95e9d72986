import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import { ModalDialog } from '../common/ModalDialog'

/**
 * "Reviewed" while the retrospective is due: the retrospective is the way there (completing it
 * makes the incident Reviewed); marking it reviewed without one takes a reason, which the
 * timeline keeps.
 */
export function ReviewedDialog({
  incident,
  onOpenRetro,
  onClose,
}: {
  incident: IncidentViewModel
  onOpenRetro: () => void
  onClose: () => void
}) {
  const [reason, setReason] = useState('')
  const { error, busy, run } = useApiCall()
  const markReviewed = async () => {
    const skipped = await run(() =>
      api.retro.choose({ id: incident.id, wanted: false, reason: reason.trim() }),
    )
    if (!skipped) return
    const moved = await run(() => api.incident.move({ id: incident.id, to: 'reviewed' }))
    if (moved) onClose()
  }
  return (
    <ModalDialog
      className="dialog small-dialog reviewed-dialog"
      aria-labelledby="reviewed-heading"
      onClose={onClose}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void markReviewed()
        }}
      >
        <h2 id="reviewed-heading">Reviewed comes after the retrospective</h2>
        <p className="hint">
          The retrospective of “{incident.title}” is not complete. Completing it writes the
          postmortem and marks the incident Reviewed.
        </p>
        <p>
          <button type="button" className="primary" autoFocus onClick={onOpenRetro}>
            Open the retrospective
          </button>
        </p>
        <fieldset className="reviewed-skip">
          <legend>Mark reviewed without a retrospective?</legend>
          <label className="field">
            <span className="label">Why not? (goes on the timeline)</span>
            <input
              value={reason}
              aria-describedby="reviewed-skip-why"
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <p id="reviewed-skip-why" className="hint">
            {reason.trim() ? 'The reason goes on the timeline.' : 'Type a reason to skip it.'}
          </p>
        </fieldset>
        <FormError message={error} />
        <footer className="dialog-footer">
          <button type="button" onClick={onClose}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" disabled={busy || !reason.trim()}>
            Mark reviewed without it
          </button>
        </footer>
      </form>
    </ModalDialog>
  )
}
