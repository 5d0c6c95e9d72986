import {
  ACTION_CATEGORIES,
  ACTION_CATEGORY_LABELS,
  ACTION_TYPE_LABELS,
  ACTION_TYPES,
} from '../../../../electron/shared/format'
import type { ActionItem } from '../../../../electron/shared/types'
import { newId } from './ids'
import { IsoDateInput } from '../common/IsoDateInput'

export const emptyAction = (): ActionItem => ({
  id: newId(),
  title: '',
  owner: '',
  due: '',
  type: '',
  category: '',
  issueUrl: '',
  done: false,
})

/** Action items: each with a title, an owner, a due date, a type, a category and an issue. */
export function ActionItemsEditor({
  actions,
  onChange,
}: {
  actions: ActionItem[]
  onChange(actions: ActionItem[]): void
}) {
  const set = (i: number, patch: Partial<ActionItem>) =>
    onChange(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)))
  return (
    <div className="retro-actions">
      {actions.length === 0 && <p className="hint">No action items yet.</p>}
      {actions.map((action, i) => (
        <ActionItemFields
          key={action.id}
          name={`Action item ${i + 1}`}
          action={action}
          onChange={(patch) => set(i, patch)}
          onRemove={() => onChange(actions.filter((_, j) => j !== i))}
        />
      ))}
      <button type="button" onClick={() => onChange([...actions, emptyAction()])}>
        Add an action item
      </button>
    </div>
  )
}

function ActionItemFields(props: {
  name: string
  action: ActionItem
  onChange: (patch: Partial<ActionItem>) => void
  onRemove: () => void
}) {
  const { name, action, onChange } = props
  return (
    <fieldset className="retro-action" aria-label={name}>
      <legend className="label-small">{name}</legend>
      <input
        className="retro-action-title"
        aria-label={`${name} title`}
        placeholder="What will be done"
        value={action.title}
        onChange={(e) => onChange({ title: e.target.value })}
      />
      <input
        aria-label={`${name} owner`}
        placeholder="Owner"
        value={action.owner}
        onChange={(e) => onChange({ owner: e.target.value })}
      />
      <IsoDateInput
        aria-label={`${name} due date`}
        value={action.due}
        onChange={(due) => onChange({ due })}
      />
      <OptionalSelect
        label={`${name} type`}
        empty="Type…"
        value={action.type}
        options={ACTION_TYPES}
        labels={ACTION_TYPE_LABELS}
        onChange={(type) => onChange({ type })}
      />
      <OptionalSelect
        label={`${name} category`}
        empty="Category…"
        value={action.category}
        options={ACTION_CATEGORIES}
        labels={ACTION_CATEGORY_LABELS}
        onChange={(category) => onChange({ category })}
      />
      <input
        className="retro-action-issue"
        type="url"
        aria-label={`${name} GitHub issue`}
        placeholder="https://github.com/…/issues/…"
        value={action.issueUrl}
        onChange={(e) => onChange({ issueUrl: e.target.value })}
      />
      <button type="button" className="link" onClick={props.onRemove}>
        Remove
      </button>
    </fieldset>
  )
}

/** A select whose first option, "", means not chosen yet. */
function OptionalSelect<T extends string>(props: {
  label: string
  empty: string
  value: T | ''
  options: readonly T[]
  labels: Record<T, string>
  onChange: (value: T | '') => void
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T | '')}
    >
      <option value="">{props.empty}</option>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {props.labels[o]}
        </option>
      ))}
    </select>
  )
}
