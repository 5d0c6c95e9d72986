import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { STATUS_LABELS, STATUSES } from '../../../../electron/shared/format'
import type { Status } from '../../../../electron/shared/types'
import { useApp } from '../../store'
import { useCompact } from '../../useCompact'
import { RetroWorkspace } from '../retro/RetroWorkspace'
import { ResolveDialog } from './ResolveChecklist'
import { ReviewedDialog } from './ReviewedDialog'
import { MoveDialog, RecurDialog } from './StatusDialogs'
import './StatusControl.css'

const MOVE_VERBS: Partial<Record<Status, string>> = {
  pending: 'Back to Stabilization pending',
  stabilized: 'Stabilized…',
  investigating: 'Under investigation',
  resolved: 'Resolved…',
  reviewed: 'Reviewed',
}

type Dialog = Status | 'recur' | 'retro' | null

/** An item of the docked "More…" menu. */
export interface MenuItem {
  key: string
  label?: string
  act: () => void
}

/**
 * The policy's status graph with the current status marked, and only the allowed moves. The
 * next step forward is the one prominent button; going back and "It happened again…" are quieter
 * (in a menu on a compact window). The one resolve path: "Resolved…" opens the resolve checklist.
 */
export function StatusControl({
  incident,
  more = [],
  moreAlert = null,
}: {
  incident: IncidentViewModel
  /** More of the header for the docked menu, after the quieter moves (the lead, say). */
  more?: MenuItem[]
  /** What the docked menu's button says instead of "More…" when something waits there. */
  moreAlert?: { text: string; label: string } | null
}) {
  const [dialog, setDialog] = useState<Dialog>(null)
  const compact = useCompact()
  const current = STATUSES.indexOf(incident.status)
  const forward = incident.moves.filter(({ to }) => STATUSES.indexOf(to) > current)
  const next = forward[0]?.to ?? null
  const secondary = incident.moves.filter(({ to }) => to !== next)
  const open = (to: Status) => setDialog(to)
  const quiet = [
    ...secondary.map(({ to }) => ({ key: to, label: MOVE_VERBS[to], act: () => open(to) })),
    ...(incident.recurrence
      ? [{ key: 'recur', label: 'It happened again…', act: () => setDialog('recur') }]
      : []),
  ]
  return (
    <section className="status-control" aria-label="Status">
      <StatusSteps status={incident.status} />
      <div className="status-moves" role="group" aria-label="Move to">
        <span className="status-moves-label">Move to:</span>
        {next && (
          <button type="button" className="primary status-next" onClick={() => open(next)}>
            {MOVE_VERBS[next]}
          </button>
        )}
        {compact && quiet.length + more.length > 0 ? (
          <MoreMoves moves={[...quiet, ...more]} alert={moreAlert} />
        ) : (
          quiet.map((move) => (
            <button key={move.key} type="button" className="quiet" onClick={move.act}>
              {move.label}
            </button>
          ))
        )}
        {!next && quiet.length === 0 && <span className="hint">No further moves.</span>}
      </div>
      <IncidentLinks incident={incident} />
      <StatusDialog dialog={dialog} incident={incident} setDialog={setDialog} />
    </section>
  )
}

/** The dialog a move opens: resolve checklist, retrospective first, recurrence, or the move. */
function StatusDialog(props: {
  dialog: Dialog
  incident: IncidentViewModel
  setDialog: (dialog: Dialog) => void
}) {
  const { dialog, incident, setDialog } = props
  const close = () => setDialog(null)
  switch (dialog) {
    case null:
      return null
    case 'resolved':
      return <ResolveDialog incident={incident} onClose={close} />
    case 'recur':
      return <RecurDialog incident={incident} onClose={close} />
    case 'retro':
      return <RetroWorkspace incident={incident} onClose={close} />
    case 'reviewed':
      // The host says whether the retrospective is still due; then it is the way to Reviewed.
      return incident.retroDue ? (
        <ReviewedDialog
          incident={incident}
          onOpenRetro={() => setDialog('retro')}
          onClose={close}
        />
      ) : (
        <MoveDialog incident={incident} to={dialog} onClose={close} />
      )
    default:
      return <MoveDialog incident={incident} to={dialog} onClose={close} />
  }
}

function StatusSteps({ status }: { status: Status }) {
  const current = STATUSES.indexOf(status)
  return (
    <ol className="status-steps">
      {STATUSES.map((s, i) => (
        <li
          key={s}
          className={`status-step ${i < current ? 'done' : ''} ${i === current ? 'current' : ''}`}
          aria-current={i === current ? 'step' : undefined}
          title={STATUS_LABELS[s]}
        >
          <span className="status-step-dot" aria-hidden="true">
            {i < current ? '✓' : i + 1}
          </span>
          {/* Passed and later steps show as a dot in the header; the label stays for screen readers. */}
          <span className="status-step-label">{STATUS_LABELS[s]}</span>
          {i === current && <span className="status-step-now">(now)</span>}
        </li>
      ))}
    </ol>
  )
}

/** The quieter moves of a compact window, and the rest of the header, one menu beside the next step. */
function MoreMoves(props: { moves: MenuItem[]; alert: { text: string; label: string } | null }) {
  const { moves, alert } = props
  return (
    <details className={alert ? 'status-more alert' : 'status-more'}>
      <summary aria-label={alert?.label ?? 'More'}>{alert?.text ?? 'More…'}</summary>
      <ul>
        {moves.map((move) => (
          <li key={move.key}>
            <button
              type="button"
              className="quiet"
              onClick={(e) => {
                e.currentTarget.closest('details')?.removeAttribute('open')
                move.act()
              }}
            >
              {move.label}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}

/** Recurrences in both directions, one click away. */
function IncidentLinks({ incident }: { incident: IncidentViewModel }) {
  const select = useApp((s) => s.select)
  if (incident.links.length === 0) return null
  return (
    <ul className="incident-links">
      {incident.links.map((link) => (
        <li key={link.id}>
          {link.relation === 'recurrence-of' ? 'Recurrence of ' : 'Happened again as '}
          <button type="button" className="link" onClick={() => void select(link.id)}>
            {link.title} ({link.id})
          </button>
        </li>
      ))}
    </ul>
  )
}
