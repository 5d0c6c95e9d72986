import { useEffect, useState } from 'react'
import type {
  ChecklistItem,
  OutputId,
  OutputPreview,
  OutputTab,
} from '../../../../electron/shared/types'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { P2UrlField } from './P2UrlField'
import { PanelPlaceholder } from '../common/PanelPlaceholder'
import { PublishPanel } from './PublishPanel'
import { CommentHeadline } from './CommentHeadline'
import { CopyNote } from './CopyNote'
import { useCopyOutput } from './useCopyOutput'
import './CommsPanel.css'

interface Outputs {
  tabs: OutputTab[]
  shown: OutputPreview
  checklist: ChecklistItem[]
}

/** Every post the runbook asks for, previewed live, one click to copy. */
export function CommsPanel({ incident }: { incident: IncidentViewModel }) {
  const [here, setHere] = useState(false)
  const [current, setCurrent] = useState<OutputId>('p2-post')
  // The status comment's opening sentence as the user edits it; null: the app's own.
  const [headline, setHeadline] = useState<string | null>(null)
  const { data, setData, failed } = useOutputs(incident, here, current, headline)
  const copying = useCopyOutput(incident.id)
  if (!data) return <PanelPlaceholder title="Communications" failed={failed} />
  return (
    <section className="comms" aria-labelledby="comms-heading">
      <h3 id="comms-heading">Communications</h3>
      <div className="comms-grid">
        <OutputTabs
          tabs={data.tabs}
          current={current}
          onPick={(id) => {
            setCurrent(id)
            copying.setMessage(null)
          }}
        />
        <OutputPane
          incident={incident}
          output={data.shown}
          here={here}
          setHere={setHere}
          headline={headline}
          setHeadline={setHeadline}
          copying={copying}
        />
        <div className="comms-side">
          <PublishPanel incident={incident} />
          <P2UrlField key={incident.p2Url ?? ''} incident={incident} />
          <CommsChecklist
            incidentId={incident.id}
            items={data.checklist}
            onChange={(checklist) => setData({ ...data, checklist })}
          />
        </div>
      </div>
    </section>
  )
}

/** The outputs with the shown one's preview and the checklist, asked again as the incident changes. */
function useOutputs(
  incident: IncidentViewModel,
  here: boolean,
  current: OutputId,
  headline: string | null,
) {
  const [data, setData] = useState<Outputs | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    const edited = current === 'p2-comment' && headline !== null ? { headline } : {}
    void api.comms.outputs({ id: incident.id, here, show: current, ...edited }).then((result) => {
      if (!live) return
      setFailed(result.ok ? null : result.error.message)
      if (result.ok) setData(result.value)
    })
    return () => {
      live = false
    }
  }, [incident.id, incident.version, here, current, headline])
  return { data, setData, failed }
}

function OutputTabs(props: {
  tabs: OutputTab[]
  current: OutputId
  onPick: (id: OutputId) => void
}) {
  return (
    <div className="comms-list" role="tablist" aria-label="Outputs" aria-orientation="vertical">
      {props.tabs.map((o) => (
        <button
          key={o.id}
          type="button"
          role="tab"
          id={`tab-${o.id}`}
          aria-selected={o.id === props.current}
          aria-controls="comms-preview"
          className={`comms-tab${o.applicable ? '' : ' not-applicable'}`}
          onClick={() => props.onPick(o.id)}
        >
          <span>{o.label}</span>
          <span className="comms-target">{o.applicable ? o.target : 'not needed now'}</span>
        </button>
      ))}
    </div>
  )
}

function OutputPane({
  incident,
  output,
  here,
  setHere,
  headline,
  setHeadline,
  copying,
}: {
  incident: IncidentViewModel
  output: OutputPreview
  here: boolean
  setHere: (here: boolean) => void
  headline: string | null
  setHeadline: (headline: string | null) => void
  copying: ReturnType<typeof useCopyOutput>
}) {
  const logDefaults = useApp((s) => s.snapshot!.settings.comms.logCopiesOf)
  const [log, setLog] = useState<Record<string, boolean>>({})
  const logThis = log[output.id] ?? logDefaults.includes(output.id)
  const comment = output.id === 'p2-comment'
  const edited = comment && headline !== null && headline.trim() ? { headline } : {}
  const copy = (part: 'body' | 'title' = 'body') =>
    copying.copy(
      { output: output.id, part, here, log: part === 'body' && logThis, ...edited },
      (copied) => {
        // Posted: the next comment starts with the app's own sentence again.
        if (copied.posted) setHeadline(null)
        return part === 'title'
          ? 'Copied the title.'
          : copied.posted
            ? `Copied the ${output.label}, and counted it as the posted update: the countdown starts again.`
            : `Copied the ${output.label}${output.rich ? ' (rich text and plain text)' : ''}.`
      },
    )
  return (
    <div
      className="comms-preview"
      id="comms-preview"
      role="tabpanel"
      aria-labelledby={`tab-${output.id}`}
    >
      <OutputHead output={output} onCopyTitle={() => void copy('title')} />
      {comment && (
        <CommentHeadline value={headline ?? output.headline ?? ''} onChange={setHeadline} />
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
        <CopyNote copying={copying} className="copied" status />
      </div>
    </div>
  )
}

/** Above the preview: a broken template, a note, the title to copy and suggested labels. */
function OutputHead({ output, onCopyTitle }: { output: OutputPreview; onCopyTitle: () => void }) {
  return (
    <>
      {output.templateError && (
        <p className="banner warn" role="status">
          Your template is broken, so the default is used: {output.templateError}
        </p>
      )}
      {output.note && <p className="hint">{output.note}</p>}
      {output.title && (
        <div className="comms-title">
          <span className="label-small">Title</span> <strong>{output.title}</strong>{' '}
          <button type="button" className="small" onClick={onCopyTitle}>
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
    </>
  )
}

/** The runbook's communication checklist; a tick goes on the timeline. */
function CommsChecklist({
  incidentId,
  items,
  onChange,
}: {
  incidentId: string
  items: ChecklistItem[]
  onChange: (items: ChecklistItem[]) => void
}) {
  const showError = useApp((s) => s.showError)
  const tick = async (item: ChecklistItem) => {
    const result = await api.comms.check({ id: incidentId, item: item.id, done: !item.done })
    if (result.ok) onChange(result.value)
    else showError(result.error.message)
  }
  return (
    <div className="checklist-block">
      <h4>Communication checklist</h4>
      <ul className="checklist">
        {items.map((item) => (
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
  )
}
