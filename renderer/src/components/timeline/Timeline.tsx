import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type RefObject,
} from 'react'
import type { IncidentView } from '../../../../electron/domain/incident'
import { api } from '../../api'
import { imageToPngBase64 } from './image-input'
import { type KindFilter, type TimeZoneChoice } from './view'
import { useTimelineWindow } from './window'
import { CaptionPrompt } from './CaptionPrompt'
import { CaptureButton } from './CaptureButton'
import { useReadOnly } from '../incident/ClosedRecord'
import { EntryComposer } from './EntryComposer'
import { TimelineList } from './TimelineList'
import { TimelineToolbar } from './TimelineToolbar'
import './Timeline.css'

/**
 * The scratchpad's memory: write, paste, drop, capture; search and filter what is there. Oldest
 * first, newest at the bottom just above the composer, where the eye is while writing.
 */
export function Timeline({ incident }: { incident: IncidentView }) {
  const [zone, setZone] = useState<TimeZoneChoice>('local')
  const [query, setQuery] = useState('')
  const [kind, setKind] = useState<KindFilter>('all')
  const [showDeleted, setShowDeleted] = useState(false)
  const [dropping, setDropping] = useState(false)
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null)
  const readOnly = useReadOnly()
  // The screenshot just added, whose caption is being asked for.
  const [captionFor, setCaptionFor] = useState<string | null>(null)

  const filter = useMemo(() => ({ query, kind, showDeleted }), [query, kind, showDeleted])
  const timeline = useTimelineWindow(incident, filter)

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

  const section = useRef<HTMLElement>(null)
  useFollowNewest(section, incident.id, timeline.total)

  return (
    <section
      ref={section}
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
      <TimelineToolbar
        zone={zone}
        onZone={setZone}
        query={query}
        onQuery={setQuery}
        kind={kind}
        onKind={setKind}
        showDeleted={showDeleted}
        onShowDeleted={setShowDeleted}
        deletedCount={timeline.deleted}
        shown={timeline.total ?? timeline.all}
        total={timeline.all}
      />
      {timeline.total === null ? (
        <div className="timeline-scroll" aria-busy="true" />
      ) : (
        <TimelineList
          incidentId={incident.id}
          count={timeline.total ?? 0}
          itemAt={timeline.itemAt}
          onRange={timeline.onRange}
          zone={zone}
          audience={incident.audience}
        />
      )}
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
    </section>
  )
}

/**
 * Keeps the newest entries in view: the list follows a new entry unless the reader has scrolled
 * away from the end (and is not writing in the composer just below it): they are left where they are.
 * Wraps the list from outside (TimelineList owns its virtual rows).
 */
function useFollowNewest(section: RefObject<HTMLElement | null>, id: string, count: number | null) {
  const atEnd = useRef(true)
  const scroller = () => section.current?.querySelector<HTMLElement>('.timeline-scroll') ?? null
  const toEnd = () => {
    const el = scroller()
    if (!el) return
    el.scrollTop = el.scrollHeight
    // Rows are measured after they render: settle once more on the next frame.
    requestAnimationFrame(() => {
      el.scrollTop = el.scrollHeight
      atEnd.current = true
    })
  }
  // A newly opened incident shows its start; the first new entry brings the end into view,
  // unless the reader has scrolled the list by then. The count is null until the first window
  // of the timeline arrives: its arrival is the opening, not a new entry.
  const seen = useRef({ id, count })
  useEffect(() => {
    if (count === null) return
    const before = seen.current
    seen.current = { id, count }
    if (before.id !== id || before.count === null) {
      atEnd.current = true
      return
    }
    if (count <= before.count) return
    const writing = section.current
      ?.querySelector('form[aria-label="Add to the timeline"]')
      ?.contains(document.activeElement)
    if (atEnd.current || writing) toEnd()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, count])
  useEffect(() => {
    const root = section.current
    if (!root) return
    // Only the reader's own scrolling says where they read: a list that grows or shrinks (the
    // header's banner coming and going) scrolls too, and must not stop the following.
    let intent = 0
    const onIntent = () => (intent = performance.now())
    const onScroll = (event: Event) => {
      const el = event.target as HTMLElement
      if (!el.classList?.contains('timeline-scroll') || performance.now() - intent > 1000) return
      atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60
    }
    const intents = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const
    for (const type of intents) root.addEventListener(type, onIntent, { passive: true })
    root.addEventListener('scroll', onScroll, true)
    return () => {
      for (const type of intents) root.removeEventListener(type, onIntent)
      root.removeEventListener('scroll', onScroll, true)
    }
  }, [section])
}
