import { useEffect, useState } from 'react'
import { api } from '../../api'
import './ImageThumb.css'

const cache = new Map<string, string>()

/** A captured or pasted image: a thumbnail, and full size on click. */
export function ImageThumb(props: {
  incidentId: string
  entryId: string
  caption: string
  width: number
  height: number
}) {
  const key = `${props.incidentId}/${props.entryId}`
  const [src, setSrc] = useState(() => cache.get(key))
  const [error, setError] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  useEffect(() => {
    if (cache.has(key)) return
    let live = true
    void api.attachment.get({ incidentId: props.incidentId, entryId: props.entryId }).then((r) => {
      if (!live) return
      if (r.ok) {
        cache.set(key, r.value.dataUrl)
        setSrc(r.value.dataUrl)
      } else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [key, props.incidentId, props.entryId])
  const alt = props.caption || `Screenshot, ${props.width}×${props.height}`
  if (error) return <p className="form-error">{error}</p>
  return (
    <>
      <button type="button" className="thumb" onClick={() => setOpen(true)} title="Show full size">
        {src ? <img src={src} alt={alt} /> : <span className="muted">Loading image…</span>}
      </button>
      {open && src && (
        <div
          className="lightbox"
          role="dialog"
          aria-label="Full-size image"
          onClick={() => setOpen(false)}
        >
          <img src={src} alt={alt} />
          <button type="button" onClick={() => setOpen(false)} autoFocus>
            Close
          </button>
        </div>
      )}
    </>
  )
}
