import { ACTION_LABELS } from '../../../../electron/shared/format'
import { captureBefore } from './capture-before'
import { BackupFirstPrompt } from '../mitigation/BackupFirstPrompt'
import { MOD } from '../../keys'
import { ActionSelect } from './ActionSelect'
import { useEntryComposer, type ComposerKind, type EntryComposerState } from './useEntryComposer'
import type { TimeZoneChoice } from './view'
import './EntryComposer.css'

const KINDS: { kind: ComposerKind; label: string }[] = [
  { kind: 'note', label: 'Note' },
  { kind: 'paste', label: 'Paste log' },
  { kind: 'link', label: 'Link' },
  { kind: 'action', label: 'I changed…' },
]

/** Writes one entry. What was typed stays until the host has accepted it. */
export function EntryComposer({ incidentId, zone }: { incidentId: string; zone: TimeZoneChoice }) {
  const c = useEntryComposer(incidentId, zone)
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault()
        void c.submit()
      }}
      aria-label="Add to the timeline"
    >
      <div className="segmented" role="radiogroup" aria-label="Entry kind">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="radio"
            aria-checked={c.kind === k.kind}
            onClick={() => c.setKind(k.kind)}
          >
            {k.label}
          </button>
        ))}
      </div>
      {c.kind === 'link' ? <LinkInputs c={c} /> : <TextInputs c={c} />}
      <ComposerMeta c={c} />
      {c.askBackup && (
        <BackupFirstPrompt
          action={ACTION_LABELS[c.action]}
          onCapture={() =>
            void captureBefore(incidentId, `${ACTION_LABELS[c.action]}: ${c.text}`).then(
              (failed) => (failed ? c.setError(failed) : c.submit(true)),
            )
          }
          onHaveBackup={() => void c.submit(true)}
          onCancel={() => c.setAskBackup(false)}
        />
      )}
      {c.error && (
        <p className="form-error" role="alert">
          {c.error}
        </p>
      )}
    </form>
  )
}

function LinkInputs({ c }: { c: EntryComposerState }) {
  return (
    <div className="composer-row">
      <input
        aria-label="Link address"
        placeholder="https://…"
        value={c.url}
        onChange={(e) => c.setUrl(e.target.value)}
        onKeyDown={c.onKeyDown}
      />
      <input
        aria-label="Link title"
        placeholder="Title (optional)"
        value={c.title}
        onChange={(e) => c.setTitle(e.target.value)}
        onKeyDown={c.onKeyDown}
      />
    </div>
  )
}

const TEXT_LABELS = { note: 'Note', paste: 'Pasted text', action: 'What you changed, exactly' }
const TEXT_PLACEHOLDERS = {
  note: 'What do you see, think or do? Enter adds, Shift+Enter for a new line',
  paste: `Paste log lines or command output; ${MOD}+Enter adds`,
  action: 'e.g. rolled back api to v2.14.1',
}

function TextInputs({ c }: { c: EntryComposerState }) {
  const kind = c.kind === 'link' ? 'note' : c.kind
  return (
    <div className="composer-row">
      {kind === 'action' && <ActionSelect value={c.action} onChange={c.setAction} />}
      <textarea
        aria-label={TEXT_LABELS[kind]}
        className={kind === 'paste' ? 'mono' : undefined}
        rows={kind === 'paste' ? 5 : 2}
        placeholder={TEXT_PLACEHOLDERS[kind]}
        value={c.text}
        onChange={(e) => c.setText(e.target.value)}
        onKeyDown={c.onKeyDown}
        onPaste={c.onPaste}
      />
    </div>
  )
}

function ComposerMeta({ c }: { c: EntryComposerState }) {
  const zoneName = c.zone === 'utc' ? 'UTC' : 'local'
  return (
    <div className="composer-meta">
      <label className="when">
        <span className="when-label">Happened at</span>
        <input
          aria-label="Happened at"
          placeholder="now"
          title="Empty for now, or a time (14:02) or a date and time (2023-10-03 23:50)"
          value={c.when}
          onChange={(e) => c.setWhen(e.target.value)}
          onKeyDown={c.onKeyDown}
        />
      </label>
      <button
        type="button"
        className="small"
        aria-label={`Time zone of the time it happened: ${zoneName} (switch)`}
        onClick={() => c.setZone(c.zone === 'utc' ? 'local' : 'utc')}
      >
        {zoneName}
      </button>
      <label className="check">
        <input
          type="checkbox"
          checked={c.hypothesis}
          onChange={(e) => c.setHypothesis(e.target.checked)}
        />
        Hypothesis<span className="hypothesis-hint"> (not verified)</span>
      </label>
      <button type="submit" className="primary" disabled={c.busy}>
        {c.retry ? 'Retry' : 'Add'}
      </button>
    </div>
  )
}
