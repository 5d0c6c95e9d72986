import { useEffect, useRef, useState } from 'react'
import {
  dueState,
  SNOOZE_CHOICES,
  updateDue,
  type CadenceChoice,
} from '../../../../electron/domain/comms/cadence'
import type { IncidentView } from '../../../../electron/domain/incident'
import { isActive } from '../../../../electron/domain/lifecycle/status'
import { UNDO_COPY_MS } from '../../../../electron/domain/comms/update-commands'
import { api } from '../../api'
import { useApp } from '../../store'
import { useModalDialog } from '../../useModalDialog'
import { formatLocalAndUtc, useNow } from '../../time'
import './UpdateCountdown.css'

/** 47:12 under an hour; 5:03:10 beyond; whole days past two. */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const s = String(total % 60).padStart(2, '0')
  const minutes = Math.floor(total / 60)
  if (total <= 3600) return `${minutes}:${s}`
  const h = Math.floor(minutes / 60)
  if (h >= 48) return `${Math.floor(h / 24)} d ${h % 24} h`
  return `${h}:${String(minutes % 60).padStart(2, '0')}:${s}`
}

const STATE_TEXT = {
  ok: 'Next update due in',
  'due-soon': 'Update due soon:',
  overdue: 'Update overdue by',
}

/**
 * The live countdown to the next status update, in the workspace header: "Copy update" copies the
 * P2 status comment the way the Communications panel does (so it counts as posted), "Posted…"
 * records one posted another way; Snooze and the cadence sit behind one disclosure.
 */
export function UpdateCountdown({ incident }: { incident: IncidentView }) {
  const settings = useApp((s) => s.snapshot!.settings)
  const showError = useApp((s) => s.showError)
  const now = useNow(1000)
  const [posting, setPosting] = useState(false)
  const more = useRef<HTMLDetailsElement>(null)
  const copy = useCopyUpdate(incident.id, settings.comms.logCopiesOf.includes('p2-comment'))
  if (!isActive(incident.status)) return null
  const due = updateDue(incident, settings.cadence, settings.reminders)
  const state = dueState(due, now)
  const snoozed = due.snoozedUntil !== null && now < due.snoozedUntil

  const choose = async (choice: CadenceChoice) => {
    const result = await api.update.cadence({ id: incident.id, choice })
    if (!result.ok) showError(result.error.message)
  }
  const snooze = async (minutes: (typeof SNOOZE_CHOICES)[number]) => {
    if (more.current) more.current.open = false
    const result = await api.update.snooze({ id: incident.id, minutes })
    if (!result.ok) showError(result.error.message)
  }

  return (
    <section className={`countdown countdown-${state}`} aria-label="Next status update">
      <span className="countdown-icon" aria-hidden="true">
        {state === 'overdue' ? '!' : state === 'due-soon' ? '◔' : '◷'}
      </span>
      <div className="countdown-main">
        <div className="countdown-line">
          <span className="countdown-label" role="status" aria-live="polite">
            {STATE_TEXT[state]}
          </span>{' '}
          <span className="countdown-time" data-testid="countdown">
            {formatCountdown(due.dueAt - now)}
          </span>
        </div>
        <div className="countdown-sub">
          Due{' '}
          <time dateTime={new Date(due.dueAt).toISOString()}>
            {formatLocalAndUtc(new Date(due.dueAt).toISOString())}
          </time>{' '}
          · <span data-testid="cadence-reason">{due.reason}</span>
          {snoozed &&
            ` · reminders snoozed until ${formatLocalAndUtc(new Date(due.snoozedUntil!).toISOString())}`}
        </div>
      </div>
      <div className="countdown-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void copy.run()}
          title="Copy the P2 status comment; the copy counts as the posted update"
        >
          Copy update
        </button>
        <button
          type="button"
          onClick={() => setPosting(true)}
          title="Record an update posted another way"
        >
          Posted…
        </button>
        <details className="countdown-more" ref={more}>
          <summary>Snooze…</summary>
          <div className="countdown-more-body">
            <span className="snooze" role="group" aria-label="Snooze reminders">
              <span className="snooze-label">Snooze</span>
              {SNOOZE_CHOICES.map((m) => (
                <button
                  key={m}
                  type="button"
                  onClick={() => void snooze(m)}
                  aria-label={`Snooze ${m} minutes`}
                >
                  {m} min
                </button>
              ))}
            </span>
            {incident.status !== 'pending' && (
              <label className="cadence-choice">
                <span className="snooze-label">Updates</span>
                <select
                  aria-label="Update cadence"
                  value={incident.cadenceChoice}
                  onChange={(e) => void choose(e.target.value as CadenceChoice)}
                >
                  <option value="policy">as the policy says</option>
                  <option value="daily">daily</option>
                  <option value="news">when there is news (at least weekly)</option>
                </select>
              </label>
            )}
          </div>
        </details>
      </div>
      {/* Not role=status: the due state above is the region's one status. */}
      <span className="copied countdown-copied" aria-live="polite">
        {copy.message}
        {copy.undo && (
          <>
            {' '}
            <button type="button" className="small" onClick={() => void copy.undo!()}>
              Undo
            </button>
          </>
        )}
      </span>
      {posting && <PostUpdateDialog incident={incident} onClose={() => setPosting(false)} />}
    </section>
  )
}

/** The header's copy of the P2 status comment, through the same host call as the panel's. */
function useCopyUpdate(id: string, log: boolean) {
  const showError = useApp((s) => s.showError)
  const [message, setMessage] = useState<string | null>(null)
  const [posted, setPosted] = useState<string | null>(null)
  useEffect(() => {
    if (!posted) return
    // The host refuses a late undo by its own clock; this only hides the button.
    const handle = setTimeout(() => setPosted(null), UNDO_COPY_MS)
    return () => clearTimeout(handle)
  }, [posted])
  const run = async () => {
    const result = await api.comms.copy({ id, output: 'p2-comment', part: 'body', log })
    if (!result.ok) return showError(result.error.message)
    setPosted(result.value.posted?.updateId ?? null)
    setMessage(
      result.value.posted
        ? 'Copied the status comment: counted as posted.'
        : `Copied the ${result.value.label}.`,
    )
  }
  const undo = async () => {
    if (!posted) return
    const result = await api.update.undo({ id, updateId: posted })
    setPosted(null)
    if (result.ok) setMessage('Undone: that copy does not count as posted.')
    else showError(result.error.message)
  }
  return { message, run, undo: posted ? undo : null }
}

function PostUpdateDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const dialog = useModalDialog()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const result = await api.update.post({ id: incident.id, text })
    if (result.ok) onClose()
    else setError(result.error.message)
  }
  return (
    <dialog
      ref={dialog}
      className="dialog small-dialog"
      aria-labelledby="post-update-heading"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <h2 id="post-update-heading">Posted an update</h2>
        <p className="hint">
          For updates posted another way (copying the status comment counts by itself). Paste what
          you posted: it goes on the timeline and the countdown starts again.
        </p>
        <label className="field">
          <span className="label">The update</span>
          <textarea autoFocus rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <footer className="dialog-footer">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Record the update
          </button>
        </footer>
      </form>
    </dialog>
  )
}
