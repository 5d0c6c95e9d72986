import { useRef, useState } from 'react'
import { SNOOZE_CHOICES } from '../../../../electron/shared/format'
import type { CadenceChoice } from '../../../../electron/shared/types'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { phaseAt } from '../../../../electron/shared/time'
import { formatLocalAndUtc, formatMoment, useNow } from '../../time'
import { useCompact } from '../../useCompact'
import { CopyNote } from './CopyNote'
import { PostUpdateDialog } from './PostUpdateDialog'
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

/**
 * The clock time the countdown runs to, short enough for the docked line: "15:00" today, "Tue
 * 15:00" another day (the countdown says how far; the full date is in its title).
 */
function shortDue(at: string, now: number): string {
  const due = new Date(at)
  const time = formatMoment(at, 'local', { now: due.getTime() })
  if (new Date(now).toDateString() === due.toDateString()) return time
  return `${due.toLocaleDateString('en-US', { weekday: 'short' })} ${time}`
}

const STATE_TEXT = {
  ok: 'Next update due in',
  'due-soon': 'Update due soon:',
  overdue: 'Update overdue by',
}

/**
 * The live countdown to the next status update, in the workspace header: "Copy update" copies the
 * P2 status comment the way the Communications panel does (so it counts as posted), "Posted…"
 * records one posted another way; Snooze and the cadence sit behind one disclosure. Docked, the
 * countdown keeps its line with the clock time it runs to, and "Posted…" joins that disclosure.
 */
export function UpdateCountdown({ incident }: { incident: IncidentViewModel }) {
  const logCopies = useApp((s) => s.snapshot!.settings.comms.logCopiesOf.includes('p2-comment'))
  const now = useNow(1000)
  const [posting, setPosting] = useState(false)
  const copy = useCopyUpdate(incident.id, logCopies)
  const compact = useCompact()
  if (!incident.update) return null
  const due = dueAt(incident, now)
  const { state } = due
  const at = new Date(due.dueAt).toISOString()

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
          <span className="countdown-when">
            <span className="countdown-time" data-testid="countdown">
              {formatCountdown(due.dueAt - now)}
            </span>
            {compact && (
              <span className="countdown-at">
                {' '}
                ·{' '}
                <time dateTime={at} title={formatLocalAndUtc(at)}>
                  {shortDue(at, now)}
                </time>
              </span>
            )}
          </span>
        </div>
        <div className="countdown-sub">
          Due {compact ? formatLocalAndUtc(at) : <time dateTime={at}>{formatLocalAndUtc(at)}</time>}{' '}
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
        {!compact && <PostedButton onClick={() => setPosting(true)} />}
        <SnoozeMenu incident={incident} posted={compact ? () => setPosting(true) : null} />
      </div>
      {/* Not role=status: the due state above is the region's one status. */}
      <CopyNote copying={copy} className="copied countdown-copied" />
      {posting && <PostUpdateDialog incident={incident} onClose={() => setPosting(false)} />}
    </section>
  )
}

function PostedButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} title="Record an update posted another way">
      Posted…
    </button>
  )
}

/** Snooze and the lead's cadence, behind one disclosure; docked, "Posted…" too. */
function SnoozeMenu(props: { incident: IncidentViewModel; posted: (() => void) | null }) {
  const { incident, posted } = props
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
      {posted ? (
        <summary aria-label="Posted, snooze and cadence">⋯</summary>
      ) : (
        <summary>Snooze…</summary>
      )}
      <div className="countdown-more-body">
        {posted && (
          <PostedButton
            onClick={() => {
              if (more.current) more.current.open = false
              posted()
            }}
          />
        )}
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
