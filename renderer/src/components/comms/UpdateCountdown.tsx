import { useRef, useState } from 'react'
import { SNOOZE_CHOICES } from '../../../../electron/shared/format'
import type { CadenceChoice } from '../../../../electron/shared/types'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { FormDialog } from '../common/FormDialog'
import { phaseAt } from '../../../../electron/shared/time'
import { formatLocalAndUtc, useNow } from '../../time'
import { backDate } from '../timeline/view'
import { CopyNote } from './CopyNote'
import { useCopyOutput } from './useCopyOutput'
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
export function UpdateCountdown({ incident }: { incident: IncidentViewModel }) {
  const logCopies = useApp((s) => s.snapshot!.settings.comms.logCopiesOf.includes('p2-comment'))
  const now = useNow(1000)
  const [posting, setPosting] = useState(false)
  const copy = useCopyUpdate(incident.id, logCopies)
  if (!incident.update) return null
  const due = dueAt(incident, now)
  const { state } = due

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
          {due.snoozedUntil && ` · reminders snoozed until ${formatLocalAndUtc(due.snoozedUntil)}`}
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
        <SnoozeMenu incident={incident} />
      </div>
      {/* Not role=status: the due state above is the region's one status. */}
      <CopyNote copying={copy} className="copied countdown-copied" />
      {posting && <PostUpdateDialog incident={incident} onClose={() => setPosting(false)} />}
    </section>
  )
}

/** Snooze and the lead's cadence, behind one disclosure. */
function SnoozeMenu({ incident }: { incident: IncidentViewModel }) {
  const showError = useApp((s) => s.showError)
  const more = useRef<HTMLDetailsElement>(null)
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
  )
}

/**
 * Where the host's deadline stands on this clock: the host says when each state begins
 * (incident:view `dueStates`), the window only finds the one whose moment has come.
 */
function dueAt(incident: IncidentViewModel, now: number) {
  const update = incident.update!
  const [first, ...rest] = incident.dueStates
  const state = first ? phaseAt([first, ...rest], now) : 'ok'
  const snoozed = update.snoozedUntil !== null && now < Date.parse(update.snoozedUntil)
  return {
    dueAt: Date.parse(update.dueAt),
    state,
    reason: update.reason,
    snoozedUntil: snoozed ? update.snoozedUntil : null,
  }
}

/** The header's copy of the P2 status comment, through the same host call as the panel's. */
function useCopyUpdate(id: string, log: boolean) {
  const { message, copy, undo } = useCopyOutput(id)
  const run = () =>
    copy({ output: 'p2-comment', part: 'body', log }, (copied) =>
      copied.posted
        ? 'Copied the status comment: counted as posted.'
        : `Copied the ${copied.label}.`,
    )
  return { message, run, undo }
}

function PostUpdateDialog({
  incident,
  onClose,
}: {
  incident: IncidentViewModel
  onClose: () => void
}) {
  const [text, setText] = useState('')
  const [when, setWhen] = useState('')
  return (
    <FormDialog
      title="Posted an update"
      hint="For updates posted another way (copying the status comment counts by itself). Paste what you posted and when: it goes on the timeline and the countdown runs from that time."
      submitLabel="Record the update"
      onClose={onClose}
      onSubmit={async () => {
        const postedAt = when.trim() ? backDate(when, 'utc', Date.now()) : undefined
        if (when.trim() && !postedAt) {
          return '“Posted at” takes a UTC time like 14:02 or a date and time like 2023-10-03 23:50 (not in the future), or leave it empty for now.'
        }
        const result = await api.update.post({ id: incident.id, text, postedAt })
        return result.ok ? null : result.error.message
      }}
    >
      <label className="field">
        <span className="label">The update</span>
        <textarea autoFocus rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">Posted at (UTC)</span>
        <input
          value={when}
          placeholder="now, or 14:02, or 2023-10-03 23:50"
          onChange={(e) => setWhen(e.target.value)}
        />
      </label>
    </FormDialog>
  )
}
