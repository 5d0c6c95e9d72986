import { useState, type FormEvent } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import {
  measureLabel,
  MEASURE_KINDS,
  MEASURE_KIND_LABELS,
} from '../../../../electron/shared/format'
import type { Measure, MeasureKind } from '../../../../electron/shared/types'
import { api } from '../../api'
import { formatLocalAndUtc } from '../../time'
import { useApiCall } from '../../useApiCall'
import { useApp } from '../../store'
import { captureBefore } from '../timeline/capture-before'
import { BackupFirstPrompt } from './BackupFirstPrompt'
import { FormError, RegisterCard } from '../common/RegisterCard'
import { RegisterForm } from '../common/RegisterForm'
import { useRegisterForm } from '../common/useRegisterForm'

const FIELDS = [
  { key: 'what', label: 'What exactly', placeholder: 'What exactly, e.g. flag search-v2' },
  { key: 'undoPlan', label: 'Undo plan', placeholder: 'Undo plan' },
] as const

/** Temporary measures: what, since when, the undo plan; undo fully, partly, or keep on purpose. */
export function MeasuresRegister({ incident }: { incident: IncidentViewModel }) {
  const form = useRegisterForm(
    () => ({ kind: 'flag-off' as MeasureKind, what: '', undoPlan: '' }),
    ['kind'],
  )
  const [asking, setAsking] = useState(false)
  const { kind } = form.values
  const open = incident.measures.filter((m) => incident.outstandingMeasureIds.includes(m.id))

  const start = async (backupConfirmed: boolean) => {
    setAsking(false)
    await form.save(() => api.measure.start({ id: incident.id, ...form.values, backupConfirmed }))
  }
  const submit = () => {
    if (incident.backupPromptKinds.includes(kind)) setAsking(true)
    else void start(false)
  }
  return (
    <RegisterCard
      add={form.addButton('Started a measure')}
      title="Temporary measures"
      open={open.length ? `${open.length} not undone` : undefined}
      quiet={incident.measures.length ? 'all undone or kept' : 'none'}
    >
      <ul className="register-list">
        {incident.measures.map((m) => (
          <MeasureItem
            key={m.id}
            incidentId={incident.id}
            measure={m}
            outstanding={incident.outstandingMeasureIds.includes(m.id)}
          />
        ))}
      </ul>
      {form.adding && (
        <RegisterForm
          form={form}
          fields={FIELDS}
          className="register-form measure-form"
          submitLabel="Started"
          disabled={asking}
          onSubmit={submit}
          before={
            <select
              aria-label="Kind of measure"
              value={kind}
              onChange={(e) => form.set('kind', e.target.value as MeasureKind)}
            >
              {MEASURE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {MEASURE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          }
        />
      )}
      {asking && (
        <BackupFirstPrompt
          action={MEASURE_KIND_LABELS[kind]}
          onCapture={() =>
            void captureBefore(incident.id, MEASURE_KIND_LABELS[kind]).then((failed) =>
              failed ? useApp.getState().showError(failed) : start(true),
            )
          }
          onHaveBackup={() => void start(true)}
          onCancel={() => setAsking(false)}
        />
      )}
      <FormError message={form.error} />
    </RegisterCard>
  )
}

interface MeasureItemProps {
  incidentId: string
  measure: Measure
  /** Neither undone nor kept (the host says: incident:view). */
  outstanding: boolean
}

function MeasureItem({ incidentId, measure, outstanding }: MeasureItemProps) {
  const [mode, setMode] = useState<'partly' | 'keep' | null>(null)
  const [text, setText] = useState('')
  const { error, busy, run } = useApiCall()
  const label = measureLabel(measure)
  const ids = { id: incidentId, measureId: measure.id }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(() =>
      mode === 'keep'
        ? api.measure.keep({ ...ids, reason: text })
        : api.measure.undo({ ...ids, note: text, full: false }),
    )
    if (done) {
      setMode(null)
      setText('')
    }
  }
  const state = measure.undoneAt
    ? `✓ undone ${formatLocalAndUtc(measure.undoneAt)}`
    : measure.keptReason
      ? `kept: ${measure.keptReason}`
      : `since ${formatLocalAndUtc(measure.startedAt)} by ${measure.startedBy}`
  return (
    <li className={outstanding ? 'register-item open' : 'register-item'}>
      <div className="register-main">
        <strong>{label}</strong>
        <span className="register-meta">
          {state} · undo plan: {measure.undoPlan}
          {measure.undos
            .filter((u) => !u.full)
            .map((u) => ` · partly undone: ${u.note}`)
            .join('')}
        </span>
      </div>
      {outstanding && !mode && (
        <span className="register-actions">
          <button
            type="button"
            aria-label={`Undone “${label}”`}
            disabled={busy}
            onClick={() => void run(() => api.measure.undo({ ...ids, note: '', full: true }))}
          >
            Undone
          </button>
          <button type="button" onClick={() => setMode('partly')}>
            Partly…
          </button>
          <button type="button" onClick={() => setMode('keep')}>
            Keep…
          </button>
        </span>
      )}
      {mode && (
        <form className="register-inline" onSubmit={(e) => void submit(e)}>
          <input
            autoFocus
            aria-label={mode === 'keep' ? 'Why it stays' : 'How far it is undone'}
            placeholder={mode === 'keep' ? 'Why it stays' : 're-enabled for 10% of traffic'}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {mode === 'keep' ? 'Keep' : 'Save'}
          </button>
          <button type="button" onClick={() => setMode(null)}>
            Cancel
          </button>
        </form>
      )}
      <FormError message={error} />
    </li>
  )
}
