import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { QuickNoteContext } from '../../../../electron/shared/timeline-contract'
import { api } from '../../api'
import './QuickNote.css'

/** The small always-on-top box the global shortcut opens: Enter adds, Esc closes. */
export function QuickNote() {
  const [context, setContext] = useState<QuickNoteContext | null>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void api.quicknote
      .context()
      .then((r) => (r.ok ? setContext(r.value) : setError(r.error.message)))
    input.current?.focus()
  }, [])

  const onKeyDown = async (event: KeyboardEvent) => {
    if (event.key === 'Escape') window.close()
    if (event.key !== 'Enter') return
    event.preventDefault()
    const result = await api.quicknote.add({ text })
    if (!result.ok) return setError(result.error.message)
    setError(null)
    setText('')
    setSaved(true)
    window.close()
  }

  return (
    <div className="quick-note">
      <label htmlFor="quick-note-input">
        {context?.incident ? (
          <>
            Note to <strong>{context.incident.title}</strong>
          </>
        ) : (
          'Quick note (no active incident yet)'
        )}
      </label>
      <input
        id="quick-note-input"
        ref={input}
        value={text}
        placeholder="What just happened? Enter adds, Esc closes"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && !error && <p role="status">Added.</p>}
    </div>
  )
}
