import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { PostmortemPreview } from './PostmortemPreview'
import { RetroForm } from './RetroForm'
import { useRetroDraft, type SaveState } from './useRetroDraft'
import { ModalDialog } from '../common/ModalDialog'
import './RetroWorkspace.css'

const SAVE_LABELS: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Saving soon…',
  saving: 'Saving…',
  error: 'Not saved yet',
}

/** The retrospective workspace: the form, the postmortem preview, and completing. */
export function RetroWorkspace({
  incident,
  onClose,
}: {
  incident: IncidentViewModel
  onClose(): void
}) {
  const { view, setView, draft, change, flush, saveState, error, setError } = useRetroDraft(
    incident.id,
  )
  const [tab, setTab] = useState<Tab>('workspace')

  const close = () => void flush().then(onClose)
  const complete = async () => {
    if (!(await flush())) return
    const result = await api.retro.complete({ id: incident.id })
    if (result.ok) {
      setView(result.value)
      setError(null)
      setTab('preview')
    } else setError(result.error.message)
  }
  const completed = Boolean(view?.completedAt)

  return (
    <ModalDialog className="dialog retro-dialog" aria-labelledby="retro-heading" onClose={close}>
      <div className="retro-shell" onBlur={() => void flush()}>
        <header className="dialog-header retro-header">
          <h2 id="retro-heading">Retrospective: {incident.title}</h2>
          <p className="retro-blameless" role="note">
            Focus on systems and processes, not people. Everyone acted on what they knew then.
          </p>
          <RetroTabs tab={tab} onTab={setTab} />
        </header>
        <div className="retro-body">
          {!draft ? (
            <p className="hint">Loading the retrospective…</p>
          ) : tab === 'preview' ? (
            <PostmortemPreview id={incident.id} ready={flush} />
          ) : completed ? (
            <p className="banner" role="status">
              This retrospective is complete; the postmortem is in the preview.
            </p>
          ) : (
            <RetroForm incident={incident} draft={draft} onChange={change} />
          )}
        </div>
        <footer className="dialog-footer retro-footer">
          {error && (
            <p className="banner error retro-error" role="alert">
              {error}
            </p>
          )}
          {!completed && view && <MissingList problems={view.problems} />}
          <span className="hint retro-save" role="status" aria-live="polite">
            {completed ? 'Completed' : SAVE_LABELS[saveState]}
          </span>
          <button type="button" onClick={close}>
            Close
          </button>
          {!completed && (
            <button type="button" className="primary" onClick={() => void complete()}>
              Complete retrospective
            </button>
          )}
        </footer>
      </div>
    </ModalDialog>
  )
}

type Tab = 'workspace' | 'preview'

function RetroTabs({ tab, onTab }: { tab: Tab; onTab: (tab: Tab) => void }) {
  return (
    <div className="retro-tabs" role="tablist" aria-label="Retrospective">
      <button
        type="button"
        role="tab"
        aria-selected={tab === 'workspace'}
        onClick={() => onTab('workspace')}
      >
        Workspace
      </button>
      <button
        type="button"
        role="tab"
        aria-selected={tab === 'preview'}
        onClick={() => onTab('preview')}
      >
        Postmortem preview
      </button>
    </div>
  )
}

/** What the host says is still missing before the retrospective can be completed. */
function MissingList({ problems }: { problems: string[] }) {
  // The line stays when nothing is missing, so the footer never changes height while a draft
  // saves: a button under the pointer would move between press and release.
  if (problems.length === 0) return <p className="retro-missing retro-ready">Ready to complete.</p>
  return (
    <details className="retro-missing">
      <summary>
        Still missing<span className="retro-missing-more"> before completing</span> (
        {problems.length})
      </summary>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </details>
  )
}
