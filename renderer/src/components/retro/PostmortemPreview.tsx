import { useEffect, useState } from 'react'
import type { Postmortem } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useTransient } from '../../useTransient'
import './PostmortemPreview.css'

/** The postmortem as it will be posted, with copy (text and HTML) and export to a file. */
export function PostmortemPreview({ id, ready }: { id: string; ready: () => Promise<boolean> }) {
  const [doc, setDoc] = useState<Postmortem | null>(null)
  const [message, setMessage] = useTransient()

  useEffect(() => {
    let live = true
    void ready().then(async () => {
      const result = await api.retro.postmortem({ id })
      if (!live) return
      if (result.ok) setDoc(result.value)
      else setMessage(result.error.message, null)
    })
    return () => {
      live = false
    }
  }, [id, ready, setMessage])

  const copy = async () => {
    const result = await api.retro.copy({ id })
    if (result.ok) setMessage('Copied the postmortem (rich text and Markdown).')
    else setMessage(result.error.message, null)
  }
  const save = async (format: 'md' | 'html') => {
    const result = await api.retro.export({ id, format })
    if (!result.ok) setMessage(result.error.message, null)
    else setMessage(result.value.path ? `Saved to ${result.value.path}` : 'Not saved.')
  }

  if (!doc) return <p className="hint">Preparing the postmortem…</p>
  return (
    <section className="postmortem-preview" aria-label="Postmortem preview">
      <div className="comms-actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy postmortem
        </button>
        <button type="button" onClick={() => void save('md')}>
          Export Markdown…
        </button>
        <button type="button" onClick={() => void save('html')}>
          Export HTML…
        </button>
        <span className="copied" role="status" aria-live="polite">
          {message}
        </span>
      </div>
      <pre className="comms-text postmortem-text" aria-label="Postmortem text">
        {doc.markdown}
      </pre>
    </section>
  )
}
