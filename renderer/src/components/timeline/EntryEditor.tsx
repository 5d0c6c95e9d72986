import { useState, type FormEvent } from 'react'
import type { Entry, ActionKind, EntryChanges } from '../../../../electron/shared/types'
import { api } from '../../api'
import { ActionKindSelect } from './ActionKindSelect'
import { backDate, timeOfDay, type TimeZoneChoice } from './view'

/** Edits an entry in place; the host keeps the earlier version in its history. */
export function EntryEditor(props: {
  incidentId: string
  entry: Entry
  zone: TimeZoneChoice
  onDone(): void
}) {
  const { entry, zone } = props
  const [text, setText] = useState('text' in entry ? entry.text : '')
  const [title, setTitle] = useState(entry.kind === 'link' ? entry.title : '')
  const [url, setUrl] = useState(entry.kind === 'link' ? entry.url : '')
  const [caption, setCaption] = useState(entry.kind === 'image' ? entry.caption : '')
  const [action, setAction] = useState<ActionKind>(entry.kind === 'action' ? entry.action : 'other')
  const [when, setWhen] = useState(timeOfDay(entry.at, zone))
  const [verified, setVerified] = useState(entry.verified)
  const [error, setError] = useState<string | null>(null)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const changes: EntryChanges = { verified }
    if (entry.kind === 'link') Object.assign(changes, { title, url })
    else if (entry.kind === 'image') changes.caption = caption
    else changes.text = text
    if (entry.kind === 'action') changes.action = action
    if (when !== timeOfDay(entry.at, zone)) {
      const at = backDate(when, zone, Date.now())
      if (!at) {
        return setError(
          'Happened at takes a date and time like 2023-10-03 23:50, or a time like 14:02 (not in the future).',
        )
      }
      changes.occurredAt = at
    }
    const result = await api.timeline.edit({
      incidentId: props.incidentId,
      entryId: entry.id,
      changes,
    })
    if (result.ok || result.error.code === 'no-change') props.onDone()
    else setError(result.error.message)
  }

  return (
    <form className="entry-editor" onSubmit={save} aria-label="Edit entry">
      {entry.kind === 'link' ? (
        <>
          <input aria-label="Link address" value={url} onChange={(e) => setUrl(e.target.value)} />
          <input aria-label="Link title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </>
      ) : entry.kind === 'image' ? (
        <input aria-label="Caption" value={caption} onChange={(e) => setCaption(e.target.value)} />
      ) : (
        <>
          {entry.kind === 'action' && <ActionKindSelect value={action} onChange={setAction} />}
          <textarea
            aria-label="Entry text"
            className={entry.kind === 'paste' ? 'mono' : undefined}
            rows={entry.kind === 'paste' ? 8 : 3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </>
      )}
      <div className="composer-meta">
        <label className="when">
          Happened at
          <input aria-label="Happened at" value={when} onChange={(e) => setWhen(e.target.value)} />
          <span className="muted">{zone === 'utc' ? 'UTC' : 'local'} · date and time</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={!verified}
            onChange={(e) => setVerified(!e.target.checked)}
          />
          Hypothesis (not verified)
        </label>
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
