import { itemText } from '../../../../electron/domain/timeline/timeline'
import { maskingPolicy, releaseText } from '../../../../electron/domain/comms/outgoing'
import { useState } from 'react'
import type { IncidentView } from '../../../../electron/domain/incident'
import type { RetroDraft } from '../../../../electron/domain/retro/draft'
import { formatLocalAndUtc } from '../../time'
import { ActionItemsEditor } from './ActionItemsEditor'
import { newId } from './ids'
import { WhysChainEditor } from './WhysChainEditor'
import { useTimelineItems } from '../timeline/window'
import './RetroForm.css'

const REPORTABLE = { reportable: true, showDeleted: true }

/** The workspace's sections, in the order the meeting runs. */
export function RetroForm({
  incident,
  draft,
  onChange,
}: {
  incident: IncidentView
  draft: RetroDraft
  onChange(draft: RetroDraft): void
}) {
  // Attendees are typed as one line; kept raw so "Sam, " stays while typing.
  const [attendees, setAttendees] = useState(draft.attendees.join(', '))
  // What a report may cite, fetched from the host (the renderer does not hold the timeline).
  const reportable = useTimelineItems(incident, REPORTABLE)
  const moments = [...reportable].sort((a, b) => a.at.localeCompare(b.at))
  const picked = new Set(draft.keyMoments)
  // Shown as the postmortem will print them: a secret stays masked unless its entry was unmasked.
  // Deleted entries never allow a secret through, so the reportable ones carry the whole policy.
  const policy = maskingPolicy({ timeline: reportable })
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
          <input type="date" value={draft.date} onChange={(e) => set({ date: e.target.value })} />
        </label>
      </section>

      <section className="retro-block">
        <h4>Key moments</h4>
        <p className="hint">Pick the moments the postmortem’s timeline should show.</p>
        <ul className="retro-moments">
          {moments.map((m) => (
            <li key={m.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={picked.has(m.id)}
                  onChange={(e) =>
                    set({
                      keyMoments: e.target.checked
                        ? [...draft.keyMoments, m.id]
                        : draft.keyMoments.filter((k) => k !== m.id),
                    })
                  }
                />{' '}
                <time dateTime={m.at}>{formatLocalAndUtc(m.at)}</time>{' '}
                {releaseText(itemText(m), policy)}
              </label>
            </li>
          ))}
        </ul>
      </section>

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
