import { ACTION_KINDS, ACTION_LABELS } from '../../../../electron/shared/format'
import type { ActionKind } from '../../../../electron/shared/types'

/** "What you changed": the kind of an "I changed…" entry, in the composer and the editor. */
export function ActionKindSelect(props: {
  value: ActionKind
  onChange: (kind: ActionKind) => void
}) {
  return (
    <select
      aria-label="What you changed"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as ActionKind)}
    >
      {ACTION_KINDS.map((a) => (
        <option key={a} value={a}>
          {ACTION_LABELS[a]}
        </option>
      ))}
    </select>
  )
}
