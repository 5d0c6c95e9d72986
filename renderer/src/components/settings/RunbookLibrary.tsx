import { useState, type FormEvent } from 'react'
import type { RunbookImportReport } from '../../../../electron/shared/mitigation-inputs'
import { api } from '../../api'
import './chosen-path.css'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import './RunbookLibrary.css'

const lines = (s: string, split: RegExp) =>
  s
    .split(split)
    .map((x) => x.trim())
    .filter(Boolean)

/** Add a runbook by hand or import a folder of Markdown runbooks, listing what was skipped. */
export function RunbookLibrary() {
  const [mode, setMode] = useState<'import' | 'add' | null>(null)
  // The folder dialog's answer: a token main maps to the folder, and the path to show.
  const [picked, setPicked] = useState<{ token: string; path: string } | null>(null)
  const [report, setReport] = useState<RunbookImportReport | null>(null)
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [alarms, setAlarms] = useState('')
  const [steps, setSteps] = useState('')
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
        title,
        ...(url.trim() && { url }),
        alarms: lines(alarms, /[,\n]/),
        firstSteps: lines(steps, /\n/),
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
        <form className="runbook-add" onSubmit={(e) => void add(e)}>
          <input
            aria-label="Runbook title"
            placeholder="Title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <input
            aria-label="Runbook URL"
            placeholder="https://… (optional)"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <input
            aria-label="Alarms it covers"
            placeholder="Alarms it covers, comma-separated"
            value={alarms}
            onChange={(e) => setAlarms(e.target.value)}
          />
          <textarea
            aria-label="First steps"
            placeholder="First steps, one a line"
            rows={3}
            value={steps}
            onChange={(e) => setSteps(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Save runbook
          </button>
        </form>
      )}
      {report && (
        <div className="import-report" role="status">
          <p>
            Imported {report.imported.length} runbook{report.imported.length === 1 ? '' : 's'}
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
      )}
      <FormError message={error} />
    </div>
  )
}
