import { useState } from 'react'
import { useReadOnly } from '../incident/ClosedRecord'
import type { Entry, ShownItem } from '../../../../electron/shared/types'
import { api } from '../../api'
import { formatTime, type TimeZoneChoice } from './view'
import { AudienceToggle } from './AudienceToggle'
import { EntryContentView, History, tagLabel } from './EntryContent'
import { EntryEditor } from './EntryEditor'
import { EntryTime } from './EntryTime'
import { UnmaskButton, UnmaskedWarning } from './Unmask'

type HostResult = { ok: boolean; error?: { message: string } }

/** An entry someone wrote: what, when, by whom, and Edit / Delete / Restore / history. */
export function UserEntry({
  incidentId,
  entry,
  zone,
}: {
  incidentId: string
  /** With its audience in outputs and where its text holds secrets, as the host found them. */
  entry: Entry & Pick<ShownItem, 'audience' | 'secrets'>
  zone: TimeZoneChoice
}) {
  const { audience, secrets } = entry
  const [editing, setEditing] = useState(false)
  const readOnly = useReadOnly()
  const [showHistory, setShowHistory] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ref = { incidentId, entryId: entry.id }
  const run = async (call: Promise<HostResult>) => {
    const result = await call
    setError(result.ok ? null : (result.error?.message ?? 'That did not work.'))
  }
  const backDated = Date.parse(entry.writtenAt) - Date.parse(entry.at) > 60_000
  return (
    <div className="entry">
      <EntryTime at={entry.at} zone={zone} title={`Written ${formatTime(entry.writtenAt, zone)}`} />
      <div className={`entry-body user-entry${editing ? ' editing' : ''}`}>
        <div className="entry-meta">
          {/* A note is the plain case: only the other kinds say what they are. */}
          {entry.kind !== 'note' && (
            <span className={`tag tag-${entry.kind}`}>{tagLabel(entry)}</span>
          )}
          <span className="muted entry-by">{entry.by}</span>
          {!entry.verified && <span className="tag hypothesis">Hypothesis</span>}
          {backDated && (
            <span className="muted entry-backdated">
              back-dated, written {formatTime(entry.writtenAt, zone)}
            </span>
          )}
          {entry.deleted && <span className="tag deleted-tag">Deleted</span>}
          {entry.verified ? (
            <AudienceToggle incidentId={incidentId} itemId={entry.id} audience={audience} />
          ) : (
            // A hypothesis stays out of every output whatever its audience: say that, not "public".
            <span className="muted audience-held">not in outputs until verified</span>
          )}
          {!editing && (
            <EntryActions
              entry={entry}
              secretCount={secrets.length}
              readOnly={readOnly}
              run={run}
              target={ref}
              showHistory={showHistory}
              onEdit={() => setEditing(true)}
              onHistory={() => setShowHistory(!showHistory)}
            />
          )}
        </div>
        {editing ? (
          <EntryEditor
            entry={entry}
            incidentId={incidentId}
            zone={zone}
            onDone={() => setEditing(false)}
          />
        ) : (
          <EntryContentView incidentId={incidentId} entry={entry} secrets={secrets} />
        )}
        {entry.unmasked && secrets.length > 0 && (
          <UnmaskedWarning count={secrets.length} target={ref} run={run} />
        )}
        {showHistory && <History entry={entry} zone={zone} />}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  )
}

function EntryActions(props: {
  entry: Entry
  secretCount: number
  readOnly: boolean
  run: (call: Promise<HostResult>) => Promise<void>
  target: { incidentId: string; entryId: string }
  showHistory: boolean
  onEdit: () => void
  onHistory: () => void
}) {
  const { entry, run, showHistory } = props
  const ref = props.target
  return (
    <div className="entry-actions">
      {props.readOnly ? null : entry.deleted ? (
        <button type="button" className="link" onClick={() => void run(api.timeline.restore(ref))}>
          Restore
        </button>
      ) : (
        <>
          <button type="button" className="link" onClick={props.onEdit}>
            Edit
          </button>
          <button type="button" className="link" onClick={() => void run(api.timeline.delete(ref))}>
            Delete
          </button>
        </>
      )}
      {entry.history.length > 0 && (
        <button
          type="button"
          className="link"
          aria-expanded={showHistory}
          onClick={props.onHistory}
        >
          Edited {entry.history.length}× {showHistory ? '(hide)' : '(history)'}
        </button>
      )}
      {/* Once unmasked, the warning under the entry says so and masks it again. */}
      {!entry.unmasked && props.secretCount > 0 && (
        <UnmaskButton count={props.secretCount} target={ref} />
      )}
    </div>
  )
}
