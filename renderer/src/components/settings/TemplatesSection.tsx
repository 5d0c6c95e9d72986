import { useId, useState } from 'react'
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_IDS,
  type TemplateId,
} from '../../../../electron/domain/comms/defaults'
import { placeholderValues } from '../../../../electron/domain/comms/outputs'
import { PLACEHOLDERS } from '../../../../electron/domain/comms/placeholders'
import { FIXED_VIEW } from '../../../../electron/domain/comms/sample'
import { renderTemplate } from '../../../../electron/domain/comms/template'
import type { Settings } from '../../../../electron/domain/settings/settings'
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

/** Edit an output's template with its placeholders at hand and a live preview on a sample. */
export function TemplatesSection({ settings }: { settings: Settings }) {
  const id = useId()
  const { errors, save } = useSettingsSave()
  const [current, setCurrent] = useState<TemplateId>('p2Title')
  const stored = settings.templates[current] ?? DEFAULT_TEMPLATES[current]
  const [drafts, setDrafts] = useState<Partial<Record<TemplateId, string>>>({})
  const text = drafts[current] ?? stored
  const preview = renderTemplate(text, placeholderValues(FIXED_VIEW))
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
