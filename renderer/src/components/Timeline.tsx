import { useMemo, useState, type ClipboardEvent, type DragEvent } from 'react'
import type { Incident } from '../../../electron/domain/incident'
import { api } from '../api'
import { imageToPngBase64 } from '../timeline/image-input'
import { visibleItems, type KindFilter, type TimeZoneChoice } from '../timeline/view'
import { CaptionPrompt } from './CaptionPrompt'
import { CaptureButton } from './CaptureButton'
import { useReadOnly } from './ClosedRecord'
import { EntryComposer } from './EntryComposer'
import { TimelineList } from './TimelineList'
import { TimelineToolbar } from './TimelineToolbar'

/** The scratchpad's memory: write, paste, drop, capture; search and filter what is there. */
export function Timeline({ incident }: { incident: Incident }) {
  const [zone, setZone] = useState<TimeZoneChoice>('local')
  const [query, setQuery] = useState('')
  const [kind, setKind] = useState<KindFilter>('all')
  const [showDeleted, setShowDeleted] = useState(false)
  const [dropping, setDropping] = useState(false)
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null)
  const readOnly = useReadOnly()
  // The screenshot just added, whose caption is being asked for.
  const [captionFor, setCaptionFor] = useState<string | null>(null)

  const items = useMemo(
    () => visibleItems(incident.timeline, { query, kind, showDeleted }),
    [incident.timeline, query, kind, showDeleted],
  )
  const deletedCount = useMemo(
    () => incident.timeline.filter((i) => i.kind !== 'lifecycle' && i.deleted).length,
    [incident.timeline],
  )

  const addImages = async (files: File[]) => {
    for (const file of files) {
      try {
        const png = await imageToPngBase64(file)
        const result = await api.attachment.add({ incidentId: incident.id, png, caption: '' })
        if (!result.ok) throw new Error(result.error.message)
        setMessage({ tone: 'ok', text: 'Image added to the timeline.' })
        setCaptionFor(result.value.id)
      } catch (err) {
        setMessage({ tone: 'error', text: (err as Error).message })
      }
    }
  }

  const onPaste = (event: ClipboardEvent) => {
    if (readOnly) return
    const files = [...event.clipboardData.files]
    if (files.length === 0) return
    event.preventDefault()
    void addImages(files)
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDropping(false)
    if (readOnly) return
    const files = [...event.dataTransfer.files]
    if (files.length) void addImages(files)
  }

  return (
    <section
      className={`timeline${dropping ? ' dropping' : ''}`}
      aria-labelledby="timeline-heading"
      onPaste={onPaste}
      onDragOver={(event) => {
        event.preventDefault()
        if (!readOnly) setDropping(true)
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <div className="timeline-head">
        <h3 id="timeline-heading">Timeline</h3>
        {readOnly ? (
          <span className="timeline-hint">Read-only: this incident is closed</span>
        ) : (
          <>
            <span className="timeline-hint">Paste or drop screenshots anywhere here</span>
            <CaptureButton
              incidentId={incident.id}
              onMessage={setMessage}
              onAdded={setCaptionFor}
            />
          </>
        )}
      </div>
      {!readOnly && captionFor && (
        <CaptionPrompt
          incidentId={incident.id}
          entryId={captionFor}
          onDone={(m) => {
            setCaptionFor(null)
            if (m) setMessage(m)
          }}
        />
      )}
      {!readOnly && <EntryComposer incidentId={incident.id} zone={zone} />}
      {message && (
        <div
          className={`banner ${message.tone === 'error' ? 'error' : 'ok'}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{message.text}</span>
          <button type="button" className="link" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      )}
      <TimelineToolbar
        zone={zone}
        onZone={setZone}
        query={query}
        onQuery={setQuery}
        kind={kind}
        onKind={setKind}
        showDeleted={showDeleted}
        onShowDeleted={setShowDeleted}
        deletedCount={deletedCount}
        shown={items.length}
        total={incident.timeline.length}
      />
      <TimelineList
        incidentId={incident.id}
        items={items}
        zone={zone}
        audience={incident.audience}
      />
    </section>
  )
}
