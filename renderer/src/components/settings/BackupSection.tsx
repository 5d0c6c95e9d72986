import { useState } from 'react'
import type { ImportPlan, ImportReport } from '../../../../electron/shared/history-contract'
import { api } from '../../api'
import './chosen-path.css'
import { useApiCall } from '../../useApiCall'
import { BackupProgress } from './BackupProgress'
import { FieldError } from './fields'
import './BackupSection.css'
import { plural } from '../../plural'
import { formatDateAndTime } from '../../time'

const STATE_LABELS: Record<ImportPlan['incidents'][number]['state'], string> = {
  new: 'New: will be added',
  same: 'Already here, identical',
  differs: 'Already here, different',
}

/** One archive of everything; importing one checks it first and never overwrites unasked. */
export function BackupSection() {
  const backup = useApiCall()
  const [saved, setSaved] = useState<string | null>(null)
  const exportAll = async () => {
    const result = await backup.run(() => api.backup.export())
    if (result)
      setSaved(
        result.path ? `Saved ${plural(result.incidents, 'incident')} to ${result.path}` : null,
      )
  }
  return (
    <>
      <div className="field">
        <span className="label">Backup</span>
        <p className="hint">
          Every incident with its timeline and screenshots, and your settings, in one .zip file.
        </p>
        <div>
          <button type="button" disabled={backup.busy} onClick={() => void exportAll()}>
            {backup.busy ? 'Backing up…' : 'Back up everything…'}
          </button>
        </div>
        {saved && (
          <p className="form-ok" role="status">
            {saved}
          </p>
        )}
        <FieldError id="backup-error" message={backup.error ?? undefined} />
      </div>
      <ImportBackup />
    </>
  )
}

function ImportBackup() {
  const call = useApiCall()
  // The dialog's answer: a token main maps to the file, and the path to show.
  const [picked, setPicked] = useState<{ token: string; path: string } | null>(null)
  const [plan, setPlan] = useState<ImportPlan | null>(null)
  const [replace, setReplace] = useState<string[]>([])
  const [restoreSettings, setRestoreSettings] = useState(false)
  const [report, setReport] = useState<ImportReport | null>(null)

  const choose = async () => {
    const answer = await call.run(() => api.backup.pickFile())
    if (answer?.token && answer.path) {
      setPicked({ token: answer.token, path: answer.path })
      await inspect(answer.token)
    }
  }
  const inspect = async (file: string) => {
    setReport(null)
    setPlan(null)
    const found = await call.run(() => api.backup.inspect({ file }))
    if (!found) return
    setPlan(found)
    setReplace([])
    setRestoreSettings(false)
  }
  const importNow = async () => {
    if (!picked) return
    const file = picked.token
    const done = await call.run(() => api.backup.import({ file, replace, restoreSettings }))
    if (done) {
      setReport(done)
      setPlan(null)
    }
  }

  return (
    <div className="field backup-import">
      <span className="label">Import a backup</span>
      <p className="hint">
        Adds what is new. An incident you already have is never replaced unless you tick it.
      </p>
      <div className="inline-form">
        <button type="button" disabled={call.busy} onClick={() => void choose()}>
          Choose backup…
        </button>
        {picked && (
          <>
            <span className="chosen-path" aria-label="Chosen backup">
              {picked.path}
            </span>
            <button type="button" disabled={call.busy} onClick={() => void inspect(picked.token)}>
              Check again
            </button>
          </>
        )}
      </div>
      <BackupProgress active={call.busy} />
      <FieldError id="import-error" message={call.error ?? undefined} />
      {plan && (
        <ImportPlanView
          plan={plan}
          replace={replace}
          setReplace={setReplace}
          restoreSettings={restoreSettings}
          setRestoreSettings={setRestoreSettings}
          busy={call.busy}
          onImport={() => void importNow()}
        />
      )}
      {report && (
        <p className="form-ok" role="status">
          Imported {plural(report.imported.length, 'incident')}
          {report.unchanged.length > 0 && `; ${report.unchanged.length} already here`}
          {report.kept.length > 0 && `; kept your version of ${report.kept.length}`}
          {report.settingsRestored && '; settings restored'}.
        </p>
      )}
    </div>
  )
}

function ImportPlanView(props: {
  plan: ImportPlan
  replace: string[]
  setReplace: (update: (replace: string[]) => string[]) => void
  restoreSettings: boolean
  setRestoreSettings: (restore: boolean) => void
  busy: boolean
  onImport: () => void
}) {
  const { plan, replace, setReplace, restoreSettings, setRestoreSettings } = props
  const differing = plan.incidents.filter((i) => i.state === 'differs')
  return (
    <div className="import-plan" aria-label="What the import will do">
      <p>
        Backup made {formatDateAndTime(plan.createdAt)} with{' '}
        {plural(plan.incidents.length, 'incident')}.
      </p>
      <ul>
        {plan.incidents.map((i) => (
          <li key={i.id} className={`plan-${i.state}`}>
            <span className="plan-title">{i.title}</span>{' '}
            <span className="hint">{STATE_LABELS[i.state]}</span>
            {i.state === 'differs' && (
              <label className="choice inline">
                <input
                  type="checkbox"
                  checked={replace.includes(i.id)}
                  onChange={(e) =>
                    setReplace((r) =>
                      e.target.checked ? [...r, i.id] : r.filter((x) => x !== i.id),
                    )
                  }
                />
                <span>Replace mine with the backup’s (mine is kept in the data folder)</span>
              </label>
            )}
          </li>
        ))}
      </ul>
      {plan.hasSettings && (
        <label className="choice">
          <input
            type="checkbox"
            checked={restoreSettings}
            onChange={(e) => setRestoreSettings(e.target.checked)}
          />
          <span>Also restore the backup’s settings (replaces your current settings)</span>
        </label>
      )}
      <button type="button" className="primary" disabled={props.busy} onClick={props.onImport}>
        Import{' '}
        {plural(
          plan.incidents.filter((i) => i.state === 'new').length + replace.length,
          'incident',
        )}
      </button>
      {differing.length > 0 && replace.length === 0 && (
        <p className="hint">
          {plural(differing.length, 'incident')} differ from yours and will be left as they are.
        </p>
      )}
    </div>
  )
}
