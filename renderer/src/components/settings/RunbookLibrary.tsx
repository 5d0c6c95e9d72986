import { useState, type FormEvent } from 'react'
import type { RunbookImportReport } from '../../../../electron/shared/mitigation-inputs'
import { api } from '../../api'
import './chosen-path.css'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import './RunbookLibrary.css'
import { plural } from '../../plural'

const lines = (s: string, split: RegExp) =>
  s
    .split(split)
    .map((x) => x.trim())
    .filter(Boolean)

interface Draft {
  title: string
  url: string
  alarms: string
  steps: string
}

/** Add a runbook by hand or import a folder of Markdown runbooks, listing what was skipped. */
export function RunbookLibrary() {
  const [mode, setMode] = useState<'import' | 'add' | null>(null)
  // The folder dialog's answer: a token main maps to the folder, and the path to show.
  const [picked, setPicked] = useState<{ token: string; path: string } | null>(null)
  const [report, setReport] = useState<RunbookImportReport | null>(null)
  const [draft, setDraft] = useState<Draft>({ title: '', url: '', alarms: '', steps: '' })
  const { error, busy, run } = useApiCall()

  const pick = async () => {
    const answer = await run(() => api.runbook.pickFolder())
    if (answer?.token && answer.path) setPicked({ token: answer.token, path: answer.path })
  }
  const importFolder = async (event: FormEvent) => {
    event.preventDefault()
    if (!picked) return
    setReport((await run(() => api.runbook.import({ folder: picked.token }))) ?? null)
  }
  const add = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(() =>
      api.runbook.add({
        title: draft.title,
        ...(draft.url.trim() && { url: draft.url }),
        alarms: lines(draft.alarms, /[,\n]/),
        firstSteps: lines(draft.steps, /\n/),
      }),
    )
    if (done) setMode(null)
  }
  return (
    <div className="runbook-library">
      <div className="register-actions">
        <button type="button" className="link" onClick={() => setMode('import')}>
          Import a folder of runbooks…
        </button>
        <button type="button" className="link" onClick={() => setMode('add')}>
          Add a runbook…
        </button>
      </div>
      {mode === 'import' && (
        <form className="register-form" onSubmit={(e) => void importFolder(e)}>
          <span className="chosen-path" aria-label="Runbook folder">
            {picked?.path ?? 'No folder chosen'}
          </span>
          <button type="button" onClick={() => void pick()}>
            Choose…
          </button>
          <button type="submit" disabled={busy || !picked}>
            Import
          </button>
        </form>
      )}
      {mode === 'add' && (
        <RunbookAddForm
          draft={draft}
          setDraft={setDraft}
          busy={busy}
          onSubmit={(e) => void add(e)}
        />
      )}
      {report && <ImportReportView report={report} />}
      <FormError message={error} />
    </div>
  )
}

const ADD_FIELDS = [
  { key: 'title', label: 'Runbook title', placeholder: 'Title' },
  { key: 'url', label: 'Runbook URL', placeholder: 'https://… (optional)' },
  { key: 'alarms', label: 'Alarms it covers', placeholder: 'Alarms it covers, comma-separated' },
] as const

function RunbookAddForm(props: {
  draft: Draft
  setDraft: (update: (draft: Draft) => Draft) => void
  busy: boolean
  onSubmit: (event: FormEvent) => void
}) {
  const { draft } = props
  const set = (key: keyof Draft, value: string) => props.setDraft((d) => ({ ...d, [key]: value }))
  return (
    <form className="runbook-add" onSubmit={props.onSubmit}>
      {ADD_FIELDS.map((field) => (
        <input
          key={field.key}
          aria-label={field.label}
          placeholder={field.placeholder}
          value={draft[field.key]}
          onChange={(e) => set(field.key, e.target.value)}
        />
      ))}
      <textarea
        aria-label="First steps"
        placeholder="First steps, one a line"
        rows={3}
        value={draft.steps}
        onChange={(e) => set('steps', e.target.value)}
      />
      <button type="submit" disabled={props.busy}>
        Save runbook
      </button>
    </form>
  )
}

function ImportReportView({ report }: { report: RunbookImportReport }) {
  return (
    <div className="import-report" role="status">
      <p>
        Imported {plural(report.imported.length, 'runbook')}
        {report.imported.length ? `: ${report.imported.map((r) => r.title).join(', ')}` : ''}.
      </p>
      {report.skipped.length > 0 && (
        <>
          <p>Skipped {report.skipped.length}:</p>
          <ul aria-label="Skipped files">
            {report.skipped.map((s) => (
              <li key={s.file}>
                <code>{s.file}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
