import { ACTION_KINDS, ACTION_LABELS } from '../../../../electron/shared/format'
import type { ActionKind } from '../../../../electron/shared/types'

/** "What you changed": the kinds of change an action entry names. */
export function ActionSelect(props: { value: ActionKind; onChange: (action: ActionKind) => void }) {
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
