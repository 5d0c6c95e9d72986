import { useEffect, useState } from 'react'
import { ACTION_CATEGORY_LABELS, ACTION_TYPE_LABELS } from '../../../../electron/shared/format'
import type { OpenAction } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'
import { ModalDialog } from '../common/ModalDialog'
import './OpenActionsDialog.css'

/** Every open action item from every retrospective, so none is forgotten. */
export function OpenActionsDialog({ onClose }: { onClose(): void }) {
  const select = useApp((s) => s.select)
  const [items, setItems] = useState<OpenAction[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void api.retro.openActions().then((r) => (r.ok ? setItems(r.value) : setError(r.error.message)))
  }, [])

  const tick = async (item: OpenAction) => {
    const r = await api.retro.actionDone({
      id: item.incidentId,
      actionId: item.actionId,
      done: true,
    })
    if (r.ok) setItems(r.value)
    else setError(r.error.message)
  }

  return (
    <ModalDialog
      className="dialog open-actions-dialog"
      aria-labelledby="open-actions-heading"
      onClose={onClose}
    >
      <div className="open-actions">
        <header className="dialog-header">
          <h2 id="open-actions-heading">Open action items</h2>
          <p className="hint">From every retrospective, oldest due date first.</p>
        </header>
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {items && items.length === 0 && <p>Nothing open. Every action item is done.</p>}
        {items && items.length > 0 && (
          <ul className="open-actions-list" aria-label="Open action items">
            {items.map((item) => (
              <OpenActionItem
                key={`${item.incidentId}/${item.actionId}`}
                item={item}
                onTick={() => void tick(item)}
                onOpen={() => {
                  void select(item.incidentId)
                  onClose()
                }}
              />
            ))}
          </ul>
        )}
        <footer className="dialog-footer">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </ModalDialog>
  )
}

function OpenActionItem(props: { item: OpenAction; onTick: () => void; onOpen: () => void }) {
  const { item, onTick, onOpen } = props
  return (
    <li className="open-action">
      <label className="check">
        <input type="checkbox" checked={false} onChange={onTick} /> <strong>{item.title}</strong>
      </label>
      <span className="open-action-meta">
        {item.owner || 'No owner'} ·{' '}
        {item.due ? (
          <span className={item.overdue ? 'overdue' : undefined}>
            {item.overdue ? `Overdue since ${item.due}` : `due ${item.due}`}
          </span>
        ) : (
          'no due date'
        )}
        {item.type && ` · ${ACTION_TYPE_LABELS[item.type]}`}
        {item.category && ` · ${ACTION_CATEGORY_LABELS[item.category]}`}
        {item.draft && ' · retro in draft'}
      </span>
      <span className="open-action-meta">
        <button type="button" className="link" onClick={onOpen}>
          {item.incidentTitle}
        </button>
        {item.issueUrl && (
          <>
            {' · '}
            <a href={item.issueUrl} target="_blank" rel="noreferrer">
              GitHub issue
            </a>
          </>
        )}
      </span>
    </li>
  )
}

/** The top bar's way in: "Action items (N open)". */
export function OpenActionsButton() {
  const count = useApp(
    (s) => s.snapshot?.incidents.reduce((n, i) => n + (i.openActionItems ?? 0), 0) ?? 0,
  )
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Action items ({count} open)
      </button>
      {open && <OpenActionsDialog onClose={() => setOpen(false)} />}
    </>
  )
}
