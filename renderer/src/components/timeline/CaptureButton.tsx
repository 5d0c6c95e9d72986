import { useState } from 'react'
import type { CaptureSources } from '../../../../electron/shared/timeline-contract'
import { api } from '../../api'
import './CaptureButton.css'

/** Screenshot of a whole display or one window, saved straight onto the timeline. */
export function CaptureButton(props: {
  incidentId: string
  onMessage(message: { tone: 'error' | 'ok'; text: string }): void
  /** The screenshot's entry, so its caption can be asked for. */
  onAdded?(entryId: string): void
}) {
  const [choices, setChoices] = useState<CaptureSources | null>(null)
  const [busy, setBusy] = useState(false)

  const open = async () => {
    const result = await api.capture.sources()
    if (!result.ok) return props.onMessage({ tone: 'error', text: result.error.message })
    if (result.value.help) return props.onMessage({ tone: 'error', text: result.value.help })
    setChoices(result.value)
  }
  const take = async (sourceId: string) => {
    setBusy(true)
    const result = await api.capture.take({ incidentId: props.incidentId, sourceId, caption: '' })
    setBusy(false)
    setChoices(null)
    if (result.ok) props.onAdded?.(result.value.id)
    props.onMessage(
      result.ok
        ? { tone: 'ok', text: 'Screenshot added to the timeline.' }
        : { tone: 'error', text: result.error.message },
    )
  }

  return (
    <div className="capture">
      <button type="button" onClick={() => void open()} aria-haspopup="menu">
        Screenshot…
      </button>
      {choices && (
        <div className="capture-menu" role="menu" aria-label="Capture">
          {choices.sources.map((s) => (
            <button
              key={s.id}
              type="button"
              role="menuitem"
              disabled={busy}
              onClick={() => void take(s.id)}
            >
              {s.kind === 'screen' ? '🖥' : '🗔'} {s.name}
            </button>
          ))}
          <button type="button" role="menuitem" onClick={() => setChoices(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  )
}
