import { useEffect, useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { RetroView } from '../../../../electron/shared/ipc-contract'
import { api } from '../../api'
import { useTransient } from '../../useTransient'
import { PanelPlaceholder } from '../common/PanelPlaceholder'
import { RetroWorkspace } from './RetroWorkspace'
import './RetroSection.css'

/** The retrospective's place on an incident: is it due, open the workspace, what comes after. */
export function RetroSection({ incident }: { incident: IncidentViewModel }) {
  const [open, setOpen] = useState(false)
  const { view, setView, failed } = useRetroView(incident, open)
  const [choosing, setChoosing] = useState<boolean | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useTransient()

  if (!view) return <PanelPlaceholder title="Retrospective" failed={failed} />
  const { due } = view
  const resolved = incident.status === 'resolved' || incident.status === 'reviewed'
  const choose = async (wanted: boolean) => {
    const result = await api.retro.choose({ id: incident.id, wanted, reason })
    if (!result.ok) return setMessage(result.error.message, null)
    setView(result.value)
    setChoosing(null)
    setReason('')
    setMessage(null)
  }
  const copyReviewed = async () => {
    const result = await api.comms.copy({ id: incident.id, output: 'p2-comment', log: true })
    if (result.ok) setMessage(`Copied the ${result.value.label}.`)
    else setMessage(result.error.message, null)
  }

  return (
    <section className="retro-section" aria-labelledby="retro-section-heading">
      <h3 id="retro-section-heading">Retrospective</h3>
      <p className="hint">
        {view.completedAt ? `Held; completed ${view.completedAt.slice(0, 10)}.` : due.reason}
      </p>
      <div className="comms-actions">
        <button
          type="button"
          className={due.due ? 'primary' : undefined}
          onClick={() => setOpen(true)}
        >
          {view.completedAt
            ? 'Open retrospective and postmortem'
            : resolved
              ? 'Retrospective'
              : 'Prepare retrospective'}
        </button>
        {incident.status === 'reviewed' && (
          <button type="button" onClick={() => void copyReviewed()}>
            Copy #status-reviewed comment
          </button>
        )}
        {/* Once Reviewed, holding or skipping it is decided: nothing left to choose. */}
        {!view.completedAt && incident.status !== 'reviewed' && choosing === null && (
          <button type="button" className="link" onClick={() => setChoosing(!due.wanted)}>
            {due.wanted ? 'Skip the retrospective…' : 'Hold a retrospective anyway…'}
          </button>
        )}
        <span className="copied" role="status" aria-live="polite">
          {message}
        </span>
      </div>
      {choosing !== null && (
        <RetroChoice
          choosing={choosing}
          reason={reason}
          setReason={setReason}
          onChoose={() => void choose(choosing)}
          onCancel={() => setChoosing(null)}
        />
      )}
      {open && <RetroWorkspace incident={incident} onClose={() => setOpen(false)} />}
    </section>
  )
}

/** The retrospective as the host sees it, asked again when the incident changes. */
function useRetroView(incident: IncidentViewModel, open: boolean) {
  const [view, setView] = useState<RetroView | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void api.retro.get({ id: incident.id }).then((r) => {
      if (!live) return
      setFailed(r.ok ? null : r.error.message)
      if (r.ok) setView(r.value)
    })
    return () => {
      live = false
    }
  }, [incident.id, incident.version, open])
  return { view, setView, failed }
}

function RetroChoice(props: {
  choosing: boolean
  reason: string
  setReason: (reason: string) => void
  onChoose: () => void
  onCancel: () => void
}) {
  const { choosing, reason, setReason, onChoose, onCancel } = props
  return (
    <form
      className="retro-choice"
      onSubmit={(e) => {
        e.preventDefault()
        onChoose()
      }}
    >
      <label className="field">
        <span className="label-small">
          {choosing ? 'Why hold one?' : 'Why skip it?'} (goes on the timeline)
        </span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit">{choosing ? 'Hold a retrospective' : 'Skip it'}</button>
      <button type="button" className="link" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}

/** "Retrospective due", for the header and the incident list. */
export function RetroDueBadge() {
  return <span className="badge retro-due">Retrospective due</span>
}
