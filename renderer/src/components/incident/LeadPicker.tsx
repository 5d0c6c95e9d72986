import { useEffect, useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { LeadSuggestion } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'
import { FormDialog } from '../common/FormDialog'
import { RotaEditor } from '../settings/RotaEditor'
import './LeadPicker.css'
import { formatDateAndTime } from '../../time'

type Choice = { kind: 'rota'; name: string } | { kind: 'free'; name: string }

/** Choose a lead: rota suggestions with their reasons, or a typed name; plus a handover note. */
export function LeadPicker({
  incident,
  onClose,
}: {
  incident: IncidentViewModel
  onClose: () => void
}) {
  const { suggestions, loadError } = useLeadSuggestions(incident.id)
  const [choice, setChoice] = useState<Choice | null>(null)
  const [freeName, setFreeName] = useState('')
  const [note, setNote] = useState('')
  const [editingRota, setEditingRota] = useState(false)

  // The rota editor is a sibling dialog: forms must not nest.
  if (editingRota) return <RotaEditor onClose={() => setEditingRota(false)} />
  return (
    <FormDialog
      title="Choose lead"
      hint="The lead gives updates, delegates, and hosts the retrospective. By default it is this week’s runner, when in their working hours."
      submitLabel="Set lead"
      wide
      onClose={onClose}
      onSubmit={async () => {
        const lead = choice ?? (freeName.trim() ? { kind: 'free' as const, name: freeName } : null)
        if (!lead) return 'Pick someone from the suggestions or type a name.'
        const r = await api.incident.setLead({
          id: incident.id,
          lead,
          ...(note.trim() ? { note } : {}),
        })
        return r.ok ? null : r.error.message
      }}
    >
      {loadError && <p className="form-error">{loadError}</p>}
      <fieldset className="field">
        <legend className="label">Suggested from the rota</legend>
        {suggestions?.length === 0 && (
          <p className="hint">
            The rota is empty. Add people and the runner schedule to get suggestions.
          </p>
        )}
        <SuggestionList suggestions={suggestions} choice={choice} onPick={setChoice} />
        <button type="button" className="link" onClick={() => setEditingRota(true)}>
          Edit rota…
        </button>
      </fieldset>
      <label className="field">
        <span className="label">Or someone not on the rota</span>
        <input
          value={freeName}
          placeholder="Name"
          onChange={(e) => {
            setFreeName(e.target.value)
            setChoice(e.target.value.trim() ? { kind: 'free', name: e.target.value } : null)
          }}
        />
      </label>
      <label className="field">
        <span className="label">
          Handover note <span className="label-small">(optional)</span>
        </span>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </FormDialog>
  )
}

/** The rota's suggestions for this incident, asked again when the rota changes. */
function useLeadSuggestions(incidentId: string) {
  const rota = useApp((s) => s.snapshot!.settings.rota)
  const [suggestions, setSuggestions] = useState<LeadSuggestion[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void api.lead.suggest({ id: incidentId }).then((r) => {
      if (!live) return
      if (r.ok) setSuggestions(r.value)
      else setLoadError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [incidentId, rota])
  return { suggestions, loadError }
}

function SuggestionList(props: {
  suggestions: LeadSuggestion[] | null
  choice: Choice | null
  onPick: (choice: Choice) => void
}) {
  const { choice } = props
  return (
    <ul className="lead-suggestions" aria-label="Lead suggestions">
      {props.suggestions?.map((s) => (
        <li key={s.name} className={s.inWorkingHours ? '' : 'away'}>
          <label>
            <input
              type="radio"
              name="lead"
              checked={choice?.kind === 'rota' && choice.name === s.name}
              onChange={() => props.onPick({ kind: 'rota', name: s.name })}
            />
            <span className="lead-name">
              {s.name}
              {s.handle && <span className="lead-handle"> {s.handle}</span>}
            </span>
            <span className="lead-reasons">{s.reasons.join(' · ')}</span>
          </label>
        </li>
      ))}
    </ul>
  )
}

/** Who led, from when, and what they handed over. */
export function LeadHistory({ incident }: { incident: IncidentViewModel }) {
  if (incident.leadHistory.length < 2) return null
  return (
    <details className="lead-history">
      <summary>Lead history ({incident.leadHistory.length})</summary>
      <ol>
        {incident.leadHistory.map((l) => (
          <li key={l.at + l.lead}>
            <strong>{l.lead}</strong> from {formatDateAndTime(l.at)} (set by {l.by})
            {l.note && <>: {l.note}</>}
          </li>
        ))}
      </ol>
    </details>
  )
}
