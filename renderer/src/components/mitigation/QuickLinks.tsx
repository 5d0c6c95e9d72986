import { useState, type FormEvent } from 'react'
import { api } from '../../api'
import { useApp } from '../../store'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import './QuickLinks.css'

/** Configurable links (logs, dashboards, CDN, runbook index), one click from the incident. */
export function QuickLinks() {
  const links = useApp((s) => s.snapshot?.settings.quickLinks ?? [])
  const [adding, setAdding] = useState(false)
  const [label, setLabel] = useState('')
  const [url, setUrl] = useState('')
  const { error, busy, run } = useApiCall()
  const add = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(() => api.settings.update({ quickLinks: [...links, { label, url }] }))
    if (done) {
      setAdding(false)
      setLabel('')
      setUrl('')
    }
  }
  return (
    <nav className="quick-links" aria-label="Quick links">
      {links.map((link) => (
        <a key={link.url + link.label} href={link.url} target="_blank" rel="noreferrer">
          {link.label} ↗
        </a>
      ))}
      {adding ? (
        <form className="register-inline" onSubmit={(e) => void add(e)}>
          <input
            aria-label="Link label"
            placeholder="Logs"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <input
            aria-label="Link URL"
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Add
          </button>
          <button type="button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="link" onClick={() => setAdding(true)}>
          {links.length ? '+ link' : 'Add quick links (logs, dashboards, CDN)…'}
        </button>
      )}
      <FormError message={error} />
    </nav>
  )
}
