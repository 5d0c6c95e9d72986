import { useState, type FormEvent } from 'react'
import type { Entry, ActionKind, EntryChanges } from '../../../../electron/shared/types'
import { api } from '../../api'
import { ActionSelect } from './ActionSelect'
import { backDate, timeOfDay, type TimeZoneChoice } from './view'

interface EditorProps {
  incidentId: string
  entry: Entry
  zone: TimeZoneChoice
  onDone(): void
}

interface Content {
  text: string
  title: string
  url: string
  caption: string
  action: ActionKind
}

/** Edits an entry in place; the host keeps the earlier version in its history. */
export function EntryEditor(props: EditorProps) {
  const { entry, zone } = props
  const { content, set, when, setWhen, verified, setVerified, error, save } = useEntryEditor(props)
  return (
    <form className="entry-editor" onSubmit={save} aria-label="Edit entry">
      <ContentInputs entry={entry} content={content} set={set} />
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

function useEntryEditor(props: EditorProps) {
  const { entry, zone } = props
  const [content, setContent] = useState<Content>(() => ({
    text: 'text' in entry ? entry.text : '',
    title: entry.kind === 'link' ? entry.title : '',
    url: entry.kind === 'link' ? entry.url : '',
    caption: entry.kind === 'image' ? entry.caption : '',
    action: entry.kind === 'action' ? entry.action : 'other',
  }))
  const [when, setWhen] = useState(timeOfDay(entry.at, zone))
  const [verified, setVerified] = useState(entry.verified)
  const [error, setError] = useState<string | null>(null)
  const set = <K extends keyof Content>(key: K, value: Content[K]) =>
    setContent((prev) => ({ ...prev, [key]: value }))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const { text, title, url, caption, action } = content
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
  return { content, set, when, setWhen, verified, setVerified, error, save }
}

function ContentInputs(props: {
  entry: Entry
  content: Content
  set: <K extends keyof Content>(key: K, value: Content[K]) => void
}) {
  const { entry, content, set } = props
  if (entry.kind === 'link')
    return (
      <>
        <input
          aria-label="Link address"
          value={content.url}
          onChange={(e) => set('url', e.target.value)}
        />
        <input
          aria-label="Link title"
          value={content.title}
          onChange={(e) => set('title', e.target.value)}
        />
      </>
    )
  if (entry.kind === 'image')
    return (
      <input
        aria-label="Caption"
        value={content.caption}
        onChange={(e) => set('caption', e.target.value)}
      />
    )
  return (
    <>
      {entry.kind === 'action' && (
        <ActionSelect value={content.action} onChange={(a) => set('action', a)} />
      )}
      <textarea
        aria-label="Entry text"
        className={entry.kind === 'paste' ? 'mono' : undefined}
        rows={entry.kind === 'paste' ? 8 : 3}
        value={content.text}
        onChange={(e) => set('text', e.target.value)}
      />
    </>
  )
}
