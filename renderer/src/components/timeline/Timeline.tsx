import { useMemo, useRef, useState, type ClipboardEvent, type DragEvent } from 'react'
import { useTransient } from '../../useTransient'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { imageToPngBase64 } from './image-input'
import { type KindFilter, type TimeZoneChoice } from './view'
import { useTimelineWindow } from './window'
import { useFollowNewest } from './useFollowNewest'
import { CaptionPrompt } from './CaptionPrompt'
import { CaptureButton } from './CaptureButton'
import { useReadOnly } from '../incident/ClosedRecord'
import { EntryComposer } from './EntryComposer'
import { TimelineList } from './TimelineList'
import { TimelineToolbar } from './TimelineToolbar'
import './Timeline.css'
import { plural } from '../../plural'

type Message = { tone: 'error' | 'ok'; text: string }

/**
 * The scratchpad's memory: write, paste, drop, capture; search and filter what is there. Oldest
 * first, newest at the bottom just above the composer, where the eye is while writing.
 */
export function Timeline({ incident }: { incident: IncidentViewModel }) {
  const [zone, setZone] = useState<TimeZoneChoice>('local')
  const [query, setQuery] = useState('')
  const [kind, setKind] = useState<KindFilter>('all')
  const [showDeleted, setShowDeleted] = useState(false)
  const { message, setMessage, dismiss } = useTimelineMessage()
  const readOnly = useReadOnly()
  // The screenshot just added, whose caption is being asked for.
  const [captionFor, setCaptionFor] = useState<string | null>(null)

  const filter = useMemo(() => ({ query, kind, showDeleted }), [query, kind, showDeleted])
  const timeline = useTimelineWindow(incident, filter)

  const images = useImageInput({ incidentId: incident.id, readOnly, setMessage, setCaptionFor })
  const section = useRef<HTMLElement>(null)
  useFollowNewest(section, incident.id, timeline.total)

  return (
    <section
      ref={section}
      className={`timeline${images.dropping ? ' dropping' : ''}`}
      aria-labelledby="timeline-heading"
      onPaste={images.onPaste}
      onDragOver={images.onDragOver}
      onDragLeave={() => images.setDropping(false)}
      onDrop={images.onDrop}
    >
      <div className="timeline-head">
        <h3 id="timeline-heading">Timeline</h3>
        <TimelineCount shown={timeline.total ?? timeline.all} total={timeline.all} />
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
      <MessageBanner message={message} onDismiss={dismiss} />
    </section>
  )
}

/** "328 items", or "12 of 328" while searching or filtering: beside the heading, not a row of its own. */
function TimelineCount({ shown, total }: { shown: number; total: number }) {
  return (
    <span className="timeline-count" aria-live="polite">
      {shown === total ? plural(total, 'item') : `${shown} of ${total}`}
    </span>
  )
}

/**
 * "Caption added.", "Image added to the timeline.": gone after a few seconds. An error stays
 * until dismissed or replaced: it asks the user to do something.
 */
function useTimelineMessage() {
  const [said, say] = useTransient()
  const [error, setError] = useState<string | null>(null)
  const setMessage = (m: Message) => {
    setError(m.tone === 'error' ? m.text : null)
    say(m.tone === 'error' ? null : m.text)
  }
  const dismiss = () => {
    setError(null)
    say(null)
  }
  const message: Message | null = error
    ? { tone: 'error', text: error }
    : said
      ? { tone: 'ok', text: said }
      : null
  return { message, setMessage, dismiss }
}

/** The live region is always in the page, so each message is announced once, when it comes. */
function MessageBanner({ message, onDismiss }: { message: Message | null; onDismiss: () => void }) {
  return (
    <>
      <div className="timeline-message" role="status" aria-live="polite">
        {message?.tone === 'ok' && (
          <div className="banner ok">
            <span>{message.text}</span>
            <button type="button" className="link" onClick={onDismiss}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {message?.tone === 'error' && (
        <div className="banner error" role="alert">
          <span>{message.text}</span>
          <button type="button" className="link" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  )
}

/** Screenshots pasted or dropped anywhere on the timeline become image entries. */
function useImageInput(props: {
  incidentId: string
  readOnly: boolean
  setMessage: (message: Message) => void
  setCaptionFor: (entryId: string) => void
}) {
  const { incidentId, readOnly, setMessage, setCaptionFor } = props
  const [dropping, setDropping] = useState(false)
  const addImages = async (files: File[]) => {
    for (const file of files) {
      try {
        const png = await imageToPngBase64(file)
        const result = await api.attachment.add({ incidentId, png, caption: '' })
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

  const onDragOver = (event: DragEvent) => {
    event.preventDefault()
    if (!readOnly) setDropping(true)
  }
  return { dropping, setDropping, onPaste, onDrop, onDragOver }
}
