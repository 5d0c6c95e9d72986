import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import './P2UrlField.css'

/** Where the P2 post lives: outputs link it once set. */
export function P2UrlField({ incident }: { incident: IncidentViewModel }) {
  const [url, setUrl] = useState(incident.p2Url ?? '')
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    const result = await api.comms.setP2Url({ id: incident.id, url: url.trim() })
    setError(result.ok ? null : result.error.message)
  }
  return (
    <form
      className="p2-url"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <label className="field">
        <span className="label">P2 post URL</span>
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://make.wordpress.org/openverse/…"
        />
      </label>
      <button type="submit" disabled={url.trim() === (incident.p2Url ?? '')}>
        Save
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
