import { useState } from 'react'
import type { RetroDraft } from '../../../../electron/shared/types'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { ActionItemsEditor } from './ActionItemsEditor'
import { KeyMoments } from './KeyMoments'
import { newId } from './ids'
import { WhysChainEditor } from './WhysChainEditor'
import './RetroForm.css'
import { IsoDateInput } from '../common/IsoDateInput'

/** The workspace's sections, in the order the meeting runs. */
export function RetroForm({
  incident,
  draft,
  onChange,
}: {
  incident: IncidentViewModel
  draft: RetroDraft
  onChange(draft: RetroDraft): void
}) {
  // Attendees are typed as one line; kept raw so "Sam, " stays while typing.
  const [attendees, setAttendees] = useState(draft.attendees.join(', '))
  const set = (patch: Partial<RetroDraft>) => onChange({ ...draft, ...patch })
  const text = (field: 'workedWell' | 'failed' | 'processImprovements', label: string) => (
    <section className="retro-block">
      <h4>
        <label htmlFor={`retro-${field}`}>{label}</label>
      </h4>
      <textarea
        id={`retro-${field}`}
        rows={3}
        value={draft[field]}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </section>
  )

  return (
    <div className="retro-form">
      <section className="retro-block retro-meeting">
        <label className="field">
          <span className="label">Attendees</span>
          <input
            value={attendees}
            onChange={(e) => {
              setAttendees(e.target.value)
              const names = e.target.value
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean)
              set({ attendees: names })
            }}
          />
          <span className="hint">Everyone relevant, including who recorded and triaged it.</span>
        </label>
        <label className="field">
          <span className="label">Date</span>
          <IsoDateInput value={draft.date} onChange={(date) => set({ date })} />
        </label>
      </section>

      <KeyMoments incident={incident} draft={draft} set={set} />

      <WhysChains draft={draft} set={set} />

      {text('workedWell', 'What worked well')}
      {text('failed', 'What failed')}

      <section className="retro-block">
        <h4>Action items</h4>
        <ActionItemsEditor actions={draft.actions} onChange={(actions) => set({ actions })} />
      </section>

      {text('processImprovements', 'Improvements to the incident process')}
    </div>
  )
}

type Patch = (patch: Partial<RetroDraft>) => void

function WhysChains({ draft, set }: { draft: RetroDraft; set: Patch }) {
  return (
    <section className="retro-block">
      <h4>5 whys</h4>
      <p className="hint">Ask why until you reach something about systems or process.</p>
      {draft.chains.map((chain, i) => (
        <WhysChainEditor
          key={chain.id}
          chain={chain}
          index={i}
          onChange={(next) =>
            set({ chains: draft.chains.map((c) => (c.id === next.id ? next : c)) })
          }
          onRemove={
            draft.chains.length > 1
              ? () => set({ chains: draft.chains.filter((c) => c.id !== chain.id) })
              : undefined
          }
        />
      ))}
      <button
        type="button"
        onClick={() =>
          set({
            chains: [
              ...draft.chains,
              {
                id: newId(),
                problem: '',
                rootCause: '',
                whys: [{ id: newId(), question: '', answer: '' }],
              },
            ],
          })
        }
      >
        Add another 5-whys chain
      </button>
    </section>
  )
}
