import { useEffect, useState } from 'react'
import type { ChecklistItem } from '../../../../electron/domain/comms/checklist'
import type { OutputId, OutputPreview, OutputTab } from '../../../../electron/domain/comms/outputs'
import type { IncidentView } from '../../../../electron/domain/incident'
import { UNDO_COPY_MS } from '../../../../electron/domain/comms/update-commands'
import { api } from '../../api'
import { useApp } from '../../store'
import { P2UrlField } from './P2UrlField'
import { PanelPlaceholder } from '../common/PanelPlaceholder'
import { PublishPanel } from './PublishPanel'
import './CommsPanel.css'

/** Every post the runbook asks for, previewed live, one click to copy. */
export function CommsPanel({ incident }: { incident: IncidentView }) {
  const logDefaults = useApp((s) => s.snapshot!.settings.comms.logCopiesOf)
  const showError = useApp((s) => s.showError)
  const [here, setHere] = useState(false)
  const [current, setCurrent] = useState<OutputId>('p2-post')
  const [data, setData] = useState<{
    tabs: OutputTab[]
    shown: OutputPreview
    checklist: ChecklistItem[]
  } | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [log, setLog] = useState<Record<string, boolean>>({})
  const [copied, setCopied] = useState<string | null>(null)
  // The update a copy posted, offered for undo until the host's deadline.
  const [posted, setPosted] = useState<{ updateId: string; undoUntil: string } | null>(null)
  useEffect(() => {
    if (!posted) return
    // A minute from now on this page's clock; the host refuses a late undo by its own clock.
    const handle = setTimeout(() => setPosted(null), UNDO_COPY_MS)
    return () => clearTimeout(handle)
  }, [posted])

  useEffect(() => {
    let live = true
    void api.comms.outputs({ id: incident.id, here, show: current }).then((result) => {
      if (!live) return
      setFailed(result.ok ? null : result.error.message)
      if (result.ok) setData(result.value)
    })
    return () => {
      live = false
    }
  }, [incident.id, incident.version, here, current, showError])

  if (!data) return <PanelPlaceholder title="Communications" failed={failed} />
  const output = data.shown
  const logThis = log[output.id] ?? logDefaults.includes(output.id)

  const copy = async (part: 'body' | 'title' = 'body') => {
    const result = await api.comms.copy({
      id: incident.id,
      output: output.id,
      part,
      here,
      log: part === 'body' && logThis,
    })
    if (!result.ok) return showError(result.error.message)
    if (part === 'title') return setCopied('Copied the title.')
    setPosted(result.value.posted ?? null)
    setCopied(
      result.value.posted
        ? `Copied the ${output.label}, and counted it as the posted update: the countdown starts again.`
        : `Copied the ${output.label}${output.rich ? ' (rich text and plain text)' : ''}.`,
    )
  }
  const undo = async () => {
    if (!posted) return
    const result = await api.update.undo({ id: incident.id, updateId: posted.updateId })
    setPosted(null)
    if (result.ok) setCopied('Undone: that copy does not count as posted.')
    else showError(result.error.message)
  }
  const tick = async (item: ChecklistItem) => {
    const result = await api.comms.check({ id: incident.id, item: item.id, done: !item.done })
    if (result.ok) setData({ ...data, checklist: result.value })
    else showError(result.error.message)
  }

  return (
    <section className="comms" aria-labelledby="comms-heading">
      <h3 id="comms-heading">Communications</h3>
      <div className="comms-grid">
        <div className="comms-list" role="tablist" aria-label="Outputs" aria-orientation="vertical">
          {data.tabs.map((o) => (
            <button
              key={o.id}
              type="button"
              role="tab"
              id={`tab-${o.id}`}
              aria-selected={o.id === current}
              aria-controls="comms-preview"
              className={`comms-tab${o.applicable ? '' : ' not-applicable'}`}
              onClick={() => {
                setCurrent(o.id)
                setCopied(null)
              }}
            >
              <span>{o.label}</span>
              <span className="comms-target">{o.applicable ? o.target : 'not needed now'}</span>
            </button>
          ))}
        </div>
        <div
          className="comms-preview"
          id="comms-preview"
          role="tabpanel"
          aria-labelledby={`tab-${output.id}`}
        >
          {output.templateError && (
            <p className="banner warn" role="status">
              Your template is broken, so the default is used: {output.templateError}
            </p>
          )}
          {output.note && <p className="hint">{output.note}</p>}
          {output.title && (
            <div className="comms-title">
              <span className="label-small">Title</span> <strong>{output.title}</strong>{' '}
              <button type="button" className="small" onClick={() => void copy('title')}>
                Copy title
              </button>
            </div>
          )}
          {output.labels && output.labels.length > 0 && (
            <div className="comms-title">
              <span className="label-small">Suggested labels</span>{' '}
              <strong>{output.labels.join(', ')}</strong>
            </div>
          )}
          <pre className="comms-text" tabIndex={0} aria-label={`${output.label} preview`}>
            {output.text}
          </pre>
          {output.hiddenLines > 0 && (
            <p className="hint">
              … and {output.hiddenLines.toLocaleString()} more lines, all of them in the copy.
            </p>
          )}
          <div className="comms-actions">
            <button type="button" className="primary" onClick={() => void copy()}>
              Copy {output.label}
            </button>
            {output.id === 'slack' && incident.severity === 1 && (
              <label className="check">
                <input type="checkbox" checked={here} onChange={(e) => setHere(e.target.checked)} />{' '}
                Start with @here
              </label>
            )}
            <label className="check">
              <input
                type="checkbox"
                checked={logThis}
                onChange={(e) => setLog({ ...log, [output.id]: e.target.checked })}
              />{' '}
              Log this copy on the timeline
            </label>
            <span className="copied" role="status" aria-live="polite">
              {copied}
              {posted && (
                <>
                  {' '}
                  <button type="button" className="small" onClick={() => void undo()}>
                    Undo
                  </button>
                </>
              )}
            </span>
          </div>
        </div>
        <div className="comms-side">
          <PublishPanel incident={incident} />
          <P2UrlField key={incident.p2Url ?? ''} incident={incident} />
          <div className="checklist-block">
            <h4>Communication checklist</h4>
            <ul className="checklist">
              {data.checklist.map((item) => (
                <li key={item.id}>
                  <label className="check">
                    <input type="checkbox" checked={item.done} onChange={() => void tick(item)} />{' '}
                    <span>
                      <span className={item.done ? 'done' : ''}>{item.label}</span>
                      {item.done && item.doneBy && <span className="hint"> · {item.doneBy}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </section>
  )
}
