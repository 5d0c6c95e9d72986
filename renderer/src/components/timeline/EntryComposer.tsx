import { useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react'
import {
  byteLength,
  ENTRY_TEXT_MAX_BYTES,
  tooLongMessage,
} from '../../../../electron/domain/timeline-commands'
import {
  ACTION_KINDS,
  ACTION_LABELS,
  type ActionKind,
} from '../../../../electron/domain/timeline-events'
import { needsBackupPrompt } from '../../../../electron/domain/backup-prompt'
import { STORAGE_ERRORS } from '../../../../electron/shared/result'
import { api } from '../../api'
import { captureBefore } from './capture-before'
import { BackupFirstPrompt } from '../mitigation/BackupFirstPrompt'
import { MOD } from '../../keys'
import { backDate, type TimeZoneChoice } from './view'
import './EntryComposer.css'

type ComposerKind = 'note' | 'paste' | 'link' | 'action'
const KINDS: { kind: ComposerKind; label: string }[] = [
  { kind: 'note', label: 'Note' },
  { kind: 'paste', label: 'Paste log' },
  { kind: 'link', label: 'Link' },
  { kind: 'action', label: 'I changed…' },
]

/** Writes one entry. What was typed stays until the host has accepted it. */
export function EntryComposer({
  incidentId,
  zone: timelineZone,
}: {
  incidentId: string
  zone: TimeZoneChoice
}) {
  // "Happened at" reads in the timeline's zone unless toggled here.
  const [ownZone, setZone] = useState<TimeZoneChoice | null>(null)
  const zone = ownZone ?? timelineZone
  const [kind, setKind] = useState<ComposerKind>('note')
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [action, setAction] = useState<ActionKind>('rollback')
  const [when, setWhen] = useState('')
  const [hypothesis, setHypothesis] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [retry, setRetry] = useState(false)
  const [busy, setBusy] = useState(false)
  // A restart (or any destructive action) asks for a backup or screenshot first.
  const [askBackup, setAskBackup] = useState(false)

  const submit = async (event?: FormEvent, backupDone = false) => {
    event?.preventDefault()
    if (busy) return
    if (kind === 'action' && needsBackupPrompt(action) && !backupDone) {
      setAskBackup(true)
      return
    }
    setAskBackup(false)
    if (kind !== 'link' && byteLength(text) > ENTRY_TEXT_MAX_BYTES) {
      setError(tooLongMessage(byteLength(text)))
      return
    }
    const occurredAt = when.trim() ? backDate(when, zone, Date.now()) : undefined
    if (when.trim() && !occurredAt) {
      setError(
        '“Happened at” takes a time like 14:02 or a date and time like 2023-10-03 23:50 (not in the future), or leave it empty for now.',
      )
      return
    }
    const entry =
      kind === 'link'
        ? { kind, title, url }
        : kind === 'action'
          ? { kind, action, text }
          : { kind, text }
    setBusy(true)
    const result = await api.timeline.add({ incidentId, entry, occurredAt, verified: !hypothesis })
    setBusy(false)
    // A write the disk refused: the text stays, and the button says what to do next.
    setRetry(!result.ok && STORAGE_ERRORS.has(result.error.code))
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    setError(null)
    setText('')
    setTitle('')
    setUrl('')
    setWhen('')
    setHypothesis(false)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey
    if (event.key === 'Enter' && (mod || (kind === 'note' && !event.shiftKey))) {
      event.preventDefault()
      void submit()
    }
  }

  // Refuse an oversized paste before it lands in the box, so what is there already stays.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain')
    if (!pasted) return
    const bytes = byteLength(text) + byteLength(pasted)
    if (bytes > ENTRY_TEXT_MAX_BYTES) {
      event.preventDefault()
      event.stopPropagation()
      setError(tooLongMessage(bytes))
    }
  }

  return (
    <form className="composer" onSubmit={submit} aria-label="Add to the timeline">
      <div className="segmented" role="radiogroup" aria-label="Entry kind">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="radio"
            aria-checked={kind === k.kind}
            onClick={() => setKind(k.kind)}
          >
            {k.label}
          </button>
        ))}
      </div>
      {kind === 'link' ? (
        <div className="composer-row">
          <input
            aria-label="Link address"
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <input
            aria-label="Link title"
            placeholder="Title (optional)"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
      ) : (
        <div className="composer-row">
          {kind === 'action' && (
            <select
              aria-label="What you changed"
              value={action}
              onChange={(e) => setAction(e.target.value as ActionKind)}
            >
              {ACTION_KINDS.map((a) => (
                <option key={a} value={a}>
                  {ACTION_LABELS[a]}
                </option>
              ))}
            </select>
          )}
          <textarea
            aria-label={
              kind === 'paste'
                ? 'Pasted text'
                : kind === 'action'
                  ? 'What you changed, exactly'
                  : 'Note'
            }
            className={kind === 'paste' ? 'mono' : undefined}
            rows={kind === 'paste' ? 5 : 2}
            placeholder={
              kind === 'note'
                ? 'What do you see, think or do? Enter adds, Shift+Enter for a new line'
                : kind === 'paste'
                  ? `Paste log lines or command output; ${MOD}+Enter adds`
                  : 'e.g. rolled back api to v2.14.1'
            }
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
          />
        </div>
      )}
      <div className="composer-meta">
        <label className="when">
          Happened at
          <input
            aria-label="Happened at"
            placeholder="now, 14:02 or 2023-10-03 23:50"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        <button
          type="button"
          className="small"
          aria-label={`Time zone of the time it happened: ${zone === 'utc' ? 'UTC' : 'local'} (switch)`}
          onClick={() => setZone(zone === 'utc' ? 'local' : 'utc')}
        >
          {zone === 'utc' ? 'UTC' : 'local'}
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={hypothesis}
            onChange={(e) => setHypothesis(e.target.checked)}
          />
          Hypothesis (not verified)
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {retry ? 'Retry' : 'Add'}
        </button>
      </div>
      {askBackup && (
        <BackupFirstPrompt
          action={ACTION_LABELS[action]}
          onCapture={() =>
            void captureBefore(incidentId, `${ACTION_LABELS[action]}: ${text}`).then((failed) =>
              failed ? setError(failed) : submit(undefined, true),
            )
          }
          onHaveBackup={() => void submit(undefined, true)}
          onCancel={() => setAskBackup(false)}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
