import { useState } from 'react'
import { useReadOnly } from '../incident/ClosedRecord'
import { findSecrets } from '../../../../electron/domain/redaction'
import type { Entry, TimelineItem } from '../../../../electron/domain/timeline'
import { ACTION_LABELS, type EntryContent } from '../../../../electron/domain/timeline-events'
import type { Audience } from '../../../../electron/domain/audience'
import { api } from '../../api'
import { useApp } from '../../store'
import { useClockStyle } from '../../time'
import { formatTime, type TimeZoneChoice } from './view'
import { EntryEditor } from './EntryEditor'
import { ImageThumb } from './ImageThumb'
import { RichText } from './RichText'
import './TimelineEntry.css'

const COLLAPSE_LINES = 12
const COLLAPSE_CHARS = 1_500

/** Lets the browser report when timeline rows were first painted (the Element Timing API). */
const PAINT_MARK: Record<string, string> = { elementtiming: 'timeline-row' }

export function TimelineEntry(props: {
  incidentId: string
  item: TimelineItem
  zone: TimeZoneChoice
  audience: Audience
}) {
  const { item, zone } = props
  useClockStyle()
  if (item.kind === 'lifecycle') {
    return (
      <div className={`entry${props.audience === 'internal' ? ' internal' : ''}`}>
        <time dateTime={item.at} {...PAINT_MARK}>
          {formatTime(item.at, zone)}
        </time>
        <div className="entry-body">
          <span className="timeline-text">{item.text}</span>{' '}
          {!item.meta && (
            <AudienceToggle
              incidentId={props.incidentId}
              itemId={item.id}
              audience={props.audience}
            />
          )}
        </div>
      </div>
    )
  }
  return (
    <UserEntry incidentId={props.incidentId} entry={item} zone={zone} audience={props.audience} />
  )
}

/**
 * Public items go into posts and exports; internal ones stay in the app. The toggle overrides
 * the default (handovers and key-time edits internal, findings and actions public).
 */
function AudienceToggle(props: { incidentId: string; itemId: string; audience: Audience }) {
  const showError = useApp((s) => s.showError)
  const next: Audience = props.audience === 'public' ? 'internal' : 'public'
  return (
    <button
      type="button"
      className={`link audience audience-${props.audience}`}
      aria-label={`${props.audience === 'public' ? 'Public' : 'Internal'}: make ${next}`}
      title={
        props.audience === 'public'
          ? 'Shown in posts and exports. Click to keep it internal.'
          : 'Kept out of posts and exports. Click to make it public.'
      }
      onClick={() =>
        void api.timeline
          .audience({ incidentId: props.incidentId, itemId: props.itemId, audience: next })
          .then((r) => {
            if (!r.ok) showError(r.error.message)
          })
      }
    >
      {props.audience === 'public' ? 'public' : 'internal'}
    </button>
  )
}

function UserEntry({
  incidentId,
  entry,
  zone,
  audience,
}: {
  incidentId: string
  entry: Entry
  zone: TimeZoneChoice
  audience: Audience
}) {
  const [editing, setEditing] = useState(false)
  const readOnly = useReadOnly()
  const [showHistory, setShowHistory] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ref = { incidentId, entryId: entry.id }
  const run = async (call: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const result = await call
    setError(result.ok ? null : (result.error?.message ?? 'That did not work.'))
  }
  const backDated = Date.parse(entry.writtenAt) - Date.parse(entry.at) > 60_000
  const hasSecrets = 'text' in entry && findSecrets(entry.text).length > 0
  return (
    <div className="entry">
      <time
        dateTime={entry.at}
        title={`Written ${formatTime(entry.writtenAt, zone)}`}
        {...PAINT_MARK}
      >
        {formatTime(entry.at, zone)}
      </time>
      <div className="entry-body">
        <div className="entry-meta">
          <span className={`tag tag-${entry.kind}`}>{tagLabel(entry)}</span>
          <span className="muted">{entry.by}</span>
          {!entry.verified && <span className="tag hypothesis">Hypothesis</span>}
          {backDated && (
            <span className="muted">back-dated, written {formatTime(entry.writtenAt, zone)}</span>
          )}
          {entry.deleted && <span className="tag deleted-tag">Deleted</span>}
          <AudienceToggle incidentId={incidentId} itemId={entry.id} audience={audience} />
        </div>
        {editing ? (
          <EntryEditor
            entry={entry}
            incidentId={incidentId}
            zone={zone}
            onDone={() => setEditing(false)}
          />
        ) : (
          <EntryContentView incidentId={incidentId} entry={entry} />
        )}
        {showHistory && <History entry={entry} zone={zone} />}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!editing && (
          <div className="entry-actions">
            {readOnly ? null : entry.deleted ? (
              <button
                type="button"
                className="link"
                onClick={() => void run(api.timeline.restore(ref))}
              >
                Restore
              </button>
            ) : (
              <>
                <button type="button" className="link" onClick={() => setEditing(true)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() => void run(api.timeline.delete(ref))}
                >
                  Delete
                </button>
              </>
            )}
            {entry.history.length > 0 && (
              <button
                type="button"
                className="link"
                aria-expanded={showHistory}
                onClick={() => setShowHistory(!showHistory)}
              >
                Edited {entry.history.length}× {showHistory ? '(hide)' : '(history)'}
              </button>
            )}
            {hasSecrets && (
              <button
                type="button"
                className="link"
                title="Secrets are masked in every copy and export unless you unmask this entry"
                onClick={() => void run(api.timeline.unmask({ ...ref, unmasked: !entry.unmasked }))}
              >
                {entry.unmasked ? 'Mask secrets in exports' : 'Unmask in exports'}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  )
}

function tagLabel(entry: Entry): string {
  if (entry.kind === 'action') return ACTION_LABELS[entry.action]
  return { note: 'Note', paste: 'Pasted', link: 'Link', image: 'Image' }[entry.kind]
}

function EntryContentView({ incidentId, entry }: { incidentId: string; entry: Entry }) {
  switch (entry.kind) {
    case 'note':
    case 'action':
      return (
        <p className="entry-text">
          <RichText text={entry.text} />
        </p>
      )
    case 'paste':
      return <Pasted text={entry.text} />
    case 'link':
      return (
        <p className="entry-text">
          <a href={entry.url} target="_blank" rel="noreferrer">
            {entry.title || entry.url}
          </a>
          {entry.title && <span className="muted url"> {entry.url}</span>}
        </p>
      )
    case 'image':
      return (
        <figure className="entry-image">
          <ImageThumb
            incidentId={incidentId}
            entryId={entry.id}
            caption={entry.caption}
            width={entry.width}
            height={entry.height}
          />
          {entry.caption && <figcaption>{entry.caption}</figcaption>}
        </figure>
      )
  }
}

function Pasted({ text }: { text: string }) {
  const lines = text.split('\n')
  const long = lines.length > COLLAPSE_LINES || text.length > COLLAPSE_CHARS
  const [open, setOpen] = useState(false)
  const shown =
    long && !open ? lines.slice(0, COLLAPSE_LINES).join('\n').slice(0, COLLAPSE_CHARS) : text
  return (
    <div className="pasted">
      <pre>
        <RichText text={shown} links={false} />
      </pre>
      {long && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? 'Show less' : `Show all (${lines.length} lines)`}
        </button>
      )}
    </div>
  )
}

function History({ entry, zone }: { entry: Entry; zone: TimeZoneChoice }) {
  return (
    <ol className="history" aria-label="Earlier versions">
      {[...entry.history].reverse().map((rev, i) => (
        <li key={i}>
          <span className="muted">
            Before {rev.editedBy}’s edit at {formatTime(rev.editedAt, zone)} (was at{' '}
            {formatTime(rev.at, zone)}
            {rev.verified ? '' : ', hypothesis'}):
          </span>{' '}
          <span className="history-text">{describe(rev.content)}</span>
        </li>
      ))}
    </ol>
  )
}

function describe(content: EntryContent): string {
  switch (content.kind) {
    case 'note':
    case 'paste':
      return content.text
    case 'link':
      return `${content.title} ${content.url}`.trim()
    case 'image':
      return content.caption || '(no caption)'
    case 'action':
      return `${ACTION_LABELS[content.action]}: ${content.text}`
  }
}
