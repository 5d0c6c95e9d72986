import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { formatMoment, useClockStyle } from '../../time'
import { MoveDialog } from './StatusDialogs'
import { ResolveDialog } from './ResolveChecklist'
import './P2Line.css'

/**
 * The header's line about the P2 post as read back: who posted the last update there, a status
 * tag that differs from the app's (Apply / Keep mine), and whether the site answers. A line, not
 * a dialog: the P2 being down is something to know, not to click away.
 */
export function P2Line({ incident }: { incident: IncidentViewModel }) {
  useClockStyle()
  const [applying, setApplying] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const facts = incident.p2Header
  if (!facts || (!facts.lastUpdate && !facts.says && !facts.unreachableSince)) return null
  const says = facts.says
  const keepMine = async () => {
    setMessage(null)
    const result = await api.p2.keepMine({ id: incident.id })
    if (!result.ok) setMessage(result.error.message)
    else if (result.value.outcome === 'queued') setMessage(result.value.reason)
  }
  return (
    <div className="p2-line" role="status" aria-label="The P2">
      {facts.unreachableSince && (
        <span className="p2-offline">
          P2 not reachable since {formatMoment(facts.unreachableSince)}
        </span>
      )}
      {facts.lastUpdate && (
        <span className="p2-last">
          Last update {formatMoment(facts.lastUpdate.at)} by {facts.lastUpdate.by} on the P2
        </span>
      )}
      {says && (
        <span className="p2-says">
          <strong>
            The P2 says {says.label} (tag changed {formatMoment(says.changedAt)})
          </strong>{' '}
          {says.canApply ? (
            <button type="button" className="small primary" onClick={() => setApplying(true)}>
              Apply
            </button>
          ) : (
            <span className="hint">(not a move the policy allows from here)</span>
          )}{' '}
          <button type="button" className="small" onClick={() => void keepMine()}>
            Keep mine
          </button>
        </span>
      )}
      {message && (
        <span className="p2-message" role="alert">
          {message}
        </span>
      )}
      {applying && says?.status === 'resolved' && (
        // Resolving has one path, the checklist, wherever the move comes from.
        <ResolveDialog incident={incident} onClose={() => setApplying(false)} />
      )}
      {applying && says && says.status !== 'resolved' && (
        <MoveDialog
          incident={incident}
          to={says.status}
          initialSummary={says.prefill}
          onClose={() => setApplying(false)}
        />
      )}
    </div>
  )
}
