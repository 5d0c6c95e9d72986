import { useState } from 'react'
import { api } from '../../api'
import './CaptionPrompt.css'

/**
 * Asked right after a screenshot lands: a caption is what posts and exports print for it
 * ("Screenshot: p99 by endpoint"); without one it stays out of them. Enter skips when empty.
 */
export function CaptionPrompt(props: {
  incidentId: string
  entryId: string
  onDone(message: { tone: 'error' | 'ok'; text: string } | null): void
}) {
  const [caption, setCaption] = useState('')
  const save = async () => {
    if (!caption.trim()) return props.onDone(null)
    const result = await api.timeline.edit({
      incidentId: props.incidentId,
      entryId: props.entryId,
      changes: { caption: caption.trim() },
    })
    props.onDone(
      result.ok
        ? { tone: 'ok', text: 'Caption added.' }
        : { tone: 'error', text: result.error.message },
    )
  }
  return (
    <form
      className="caption-prompt"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <label className="field">
        <span className="label">What does the screenshot show? (optional, Enter to skip)</span>
        <input
          autoFocus
          aria-label="Screenshot caption"
          placeholder="e.g. p99 latency by endpoint, last 24 h"
          value={caption}
          maxLength={500}
          onChange={(e) => setCaption(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onDone(null)
          }}
        />
      </label>
      <button type="submit" className="small">
        {caption.trim() ? 'Save caption' : 'Skip'}
      </button>
    </form>
  )
}
