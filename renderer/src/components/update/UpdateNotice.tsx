import { useState } from 'react'
import { restartToUpdate, useAppUpdate } from '../../app-update'
import { ReleaseNotes } from './ReleaseNotes'
import './UpdateNotice.css'

/**
 * A downloaded update, above everything: "Restart to update to 1.4.0" with what changed, or,
 * while an incident is active, that it waits. Never a dialog, never a restart by itself.
 */
export function UpdateNotice() {
  const view = useAppUpdate((s) => s.view)
  const message = useAppUpdate((s) => s.message)
  const [showNotes, setShowNotes] = useState(false)
  const notice = view?.notice
  if (!view || !notice) return null
  return (
    <div
      className={`update-notice banner${notice.kind === 'restart' ? ' ok' : ''}`}
      role="region"
      aria-label="App update"
    >
      <div className="update-line">
        <span>
          {notice.kind === 'restart' && view.state.kind === 'ready'
            ? `Incident Tray ${view.state.version} is downloaded and verified; no incident is active.`
            : notice.text}
        </span>
        {(view.notes || view.releaseUrl) && (
          <button
            type="button"
            className="link"
            aria-expanded={showNotes}
            onClick={() => setShowNotes(!showNotes)}
          >
            {showNotes ? 'Hide what changed' : 'What changed'}
          </button>
        )}
        {notice.kind === 'restart' && (
          <button type="button" className="primary" onClick={() => void restartToUpdate()}>
            {notice.text}
          </button>
        )}
      </div>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {showNotes && <ReleaseNotes notes={view.notes} url={view.releaseUrl} />}
    </div>
  )
}
