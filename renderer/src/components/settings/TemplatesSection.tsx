import { useEffect, useId, useState } from 'react'
import { DEFAULT_TEMPLATES, TEMPLATE_IDS, PLACEHOLDERS } from '../../../../electron/shared/format'
import type { TemplateId, Settings } from '../../../../electron/shared/types'
import type { TemplatePreview } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { FieldError, useSettingsSave } from './fields'
import { FormError } from '../common/RegisterCard'
import './TemplatesSection.css'

const LABELS: Record<TemplateId, string> = {
  p2Title: 'P2 post title',
  p2Post: 'P2 incident post',
  p2Comment: 'P2 status comment',
  slack: 'Slack message',
  signal: 'Signal alert',
  makeInvestigating: 'Make post: investigating',
  makeResolved: 'Make post: resolved',
  replyInvestigating: 'Reply to the reporter',
  replyResolved: 'Follow-up to the reporter',
  githubBug: 'GitHub bug report',
  githubStabilize: 'GitHub stabilization task',
}

/**
 * The host renders the preview with the code Copy uses (comms:previewTemplate), so what is shown is
 * what will be copied. Until the first answer it counts as sound, with no text yet.
 */
function useTemplatePreview(template: TemplateId, text: string): TemplatePreview {
  const [preview, setPreview] = useState<TemplatePreview>({ ok: true, text: '' })
  useEffect(() => {
    let current = true
    void api.comms.previewTemplate({ template, text }).then((result) => {
      if (!current) return
      setPreview(result.ok ? result.value : { ok: false, error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [template, text])
  return preview
}

/** Edit an output's template with its placeholders at hand and a live preview on a sample. */
export function TemplatesSection({ settings }: { settings: Settings }) {
  const id = useId()
  const { errors, save } = useSettingsSave()
  const [current, setCurrent] = useState<TemplateId>('p2Title')
  const stored = settings.templates[current] ?? DEFAULT_TEMPLATES[current]
  const [drafts, setDrafts] = useState<Partial<Record<TemplateId, string>>>({})
  const text = drafts[current] ?? stored
  const preview = useTemplatePreview(current, text)
  const setText = (value: string) => setDrafts({ ...drafts, [current]: value })

  return (
    <div className="templates-section">
      <TemplatePicker id={id} current={current} settings={settings} onChange={setCurrent} />
      <div className="field">
        <label className="label" htmlFor={`${id}-text`}>
          Text, with {'{placeholders}'} ({'{{'} and {'}}'} for literal braces)
        </label>
        <textarea
          id={`${id}-text`}
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <FormError message={preview.ok ? null : preview.error} />
      <FieldError id={`${id}-error`} message={errors[current]} />
      <div className="templates-actions">
        <button
          type="button"
          className="primary"
          disabled={!preview.ok || text === stored}
          onClick={() => void save(current, { templates: { [current]: text } })}
        >
          Save template
        </button>
        <button
          type="button"
          disabled={
            text === DEFAULT_TEMPLATES[current] && settings.templates[current] === undefined
          }
          onClick={() => {
            setText(DEFAULT_TEMPLATES[current])
            void save(current, { templates: { [current]: DEFAULT_TEMPLATES[current] } })
          }}
        >
          Back to the default
        </button>
      </div>
      <div className="field">
        <span className="label">Preview (a sample Severity 1 incident)</span>
        <pre className="comms-text" tabIndex={0} aria-label="Template preview">
          {preview.ok
            ? preview.text
            : 'Fix the template to see the preview; outputs use the default meanwhile.'}
        </pre>
      </div>
      <PlaceholderList />
    </div>
  )
}

function TemplatePicker(props: {
  id: string
  current: TemplateId
  settings: Settings
  onChange: (id: TemplateId) => void
}) {
  const { id, current, settings } = props
  return (
    <div className="field">
      <label className="label" htmlFor={`${id}-which`}>
        Template
      </label>
      <select
        id={`${id}-which`}
        value={current}
        onChange={(e) => props.onChange(e.target.value as TemplateId)}
      >
        {TEMPLATE_IDS.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
            {settings.templates[t] !== undefined ? ' (edited)' : ''}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Every placeholder a template can use, with what it stands for. */
function PlaceholderList() {
  return (
    <details className="placeholders">
      <summary>Placeholders</summary>
      <dl>
        {Object.entries(PLACEHOLDERS).map(([name, meaning]) => (
          <div key={name}>
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
