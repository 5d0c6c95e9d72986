import { useEffect, useState } from 'react'
import type { RetroDraft } from '../../../../electron/shared/types'
import type { IncidentViewModel, KeyMomentChoice } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { formatLocalAndUtc } from '../../time'
import { VirtualRows } from '../common/VirtualRows'
import { plural, pluralOf } from '../../plural'

/** A moment's row, one line: the size of every row until it is shown. */
const ROW_ESTIMATE = 26

/**
 * The moments the postmortem's timeline may show, from the host as the postmortem prints them (a
 * secret stays masked unless its entry was unmasked), asked again only when the incident changes.
 * A long incident has thousands: they are found by words, and only the rows in view are drawn, so
 * the workspace opens and a pick answers at once however long the incident ran.
 */
export function KeyMoments({
  incident,
  draft,
  set,
}: {
  incident: IncidentViewModel
  draft: RetroDraft
  set(patch: Partial<RetroDraft>): void
}) {
  const moments = useKeyMoments(incident)
  const [query, setQuery] = useState('')
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const shown = words.length
    ? moments.filter((m) => {
        const text = m.text.toLowerCase()
        return words.every((w) => text.includes(w))
      })
    : moments
  const picked = new Set(draft.keyMoments)
  const toggle = (id: string, on: boolean) =>
    set({
      keyMoments: on ? [...draft.keyMoments, id] : draft.keyMoments.filter((k) => k !== id),
    })
  return (
    <section className="retro-block">
      <h4>Key moments</h4>
      <p className="hint">Pick the moments the postmortem’s timeline should show.</p>
      <div className="retro-moments-find">
        <input
          type="search"
          aria-label="Find a moment"
          placeholder="Find a moment…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="hint" aria-live="polite">
          {picked.size} picked ·{' '}
          {shown.length === moments.length
            ? plural(moments.length, 'moment')
            : `${pluralOf(shown.length, moments.length, 'moment')} match`}
        </span>
      </div>
      <MomentList moments={shown} picked={picked} onToggle={toggle} />
    </section>
  )
}

function MomentList(props: {
  moments: readonly KeyMomentChoice[]
  picked: ReadonlySet<string>
  onToggle(id: string, on: boolean): void
}) {
  if (props.moments.length === 0) {
    return <p className="hint">No moment holds those words.</p>
  }
  return (
    <VirtualRows
      items={props.moments}
      keyOf={(m) => m.id}
      rowHeight={ROW_ESTIMATE}
      className="retro-moments"
      label="Moments"
    >
      {(m) => (
        <label className="check">
          <input
            type="checkbox"
            checked={props.picked.has(m.id)}
            onChange={(e) => props.onToggle(m.id, e.target.checked)}
          />{' '}
          <time dateTime={m.at}>{formatLocalAndUtc(m.at)}</time> {m.text}
        </label>
      )}
    </VirtualRows>
  )
}

function useKeyMoments(incident: IncidentViewModel): KeyMomentChoice[] {
  const [moments, setMoments] = useState<KeyMomentChoice[]>([])
  useEffect(() => {
    let live = true
    void api.retro.keyMoments({ id: incident.id }).then((result) => {
      if (!live) return
      if (result.ok) setMoments(result.value)
      else useApp.getState().showError(result.error.message)
    })
    return () => {
      live = false
    }
  }, [incident.id, incident.version])
  return moments
}
