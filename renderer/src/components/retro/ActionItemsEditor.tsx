import {
  ACTION_CATEGORIES,
  ACTION_CATEGORY_LABELS,
  ACTION_TYPE_LABELS,
  ACTION_TYPES,
} from '../../../../electron/shared/format'
import type { ActionItem } from '../../../../electron/shared/types'
import { newId } from './ids'

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
      {actions.map((action, i) => {
        const name = `Action item ${i + 1}`
        return (
          <fieldset key={action.id} className="retro-action" aria-label={name}>
            <legend className="label-small">{name}</legend>
            <input
              className="retro-action-title"
              aria-label={`${name} title`}
              placeholder="What will be done"
              value={action.title}
              onChange={(e) => set(i, { title: e.target.value })}
            />
            <input
              aria-label={`${name} owner`}
              placeholder="Owner"
              value={action.owner}
              onChange={(e) => set(i, { owner: e.target.value })}
            />
            <input
              type="date"
              aria-label={`${name} due date`}
              value={action.due}
              onChange={(e) => set(i, { due: e.target.value })}
            />
            <select
              aria-label={`${name} type`}
              value={action.type}
              onChange={(e) => set(i, { type: e.target.value as ActionItem['type'] })}
            >
              <option value="">Type…</option>
              {ACTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ACTION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
            <select
              aria-label={`${name} category`}
              value={action.category}
              onChange={(e) => set(i, { category: e.target.value as ActionItem['category'] })}
            >
              <option value="">Category…</option>
              {ACTION_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {ACTION_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
            <input
              className="retro-action-issue"
              type="url"
              aria-label={`${name} GitHub issue`}
              placeholder="https://github.com/…/issues/…"
              value={action.issueUrl}
              onChange={(e) => set(i, { issueUrl: e.target.value })}
            />
            <button
              type="button"
              className="link"
              onClick={() => onChange(actions.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </fieldset>
        )
      })}
      <button type="button" onClick={() => onChange([...actions, emptyAction()])}>
        Add an action item
      </button>
    </div>
  )
}
