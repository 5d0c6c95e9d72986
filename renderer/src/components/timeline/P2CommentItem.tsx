import { useState } from 'react'
import type { ShownItem } from '../../../../electron/shared/types'
import { api } from '../../api'
import { RichText } from './RichText'

type LifecycleItem = Extract<ShownItem, { kind: 'lifecycle' }>

/**
 * A comment read from the P2 post (someone else's): who wrote it, its text as plain text, a link
 * to it, and "Not an update" while it counts as the posted update.
 */
export function P2CommentItem({
  incidentId,
  item,
}: {
  incidentId: string
  item: LifecycleItem & { p2: NonNullable<LifecycleItem['p2']> }
}) {
  const [error, setError] = useState<string | null>(null)
  const counts = Boolean(item.update && !item.update.undone)
  return (
    <span className={`p2-comment${item.p2.gone ? ' gone' : ''}`}>
      <span className="badge p2-badge">on the P2</span> <strong>{item.p2.author}</strong>
      {item.p2.gone && <em> (deleted on the P2)</em>}
      {item.p2.edited && !item.p2.gone && <em> (edited on the P2)</em>}
      <span className="p2-comment-text">
        <RichText text={item.publicText ?? ''} secrets={item.secrets} />
      </span>
      {item.p2.cut && <span className="hint"> (cut: longer than 64 KB)</span>}{' '}
      {item.p2.link && (
        <a href={item.p2.link} target="_blank" rel="noreferrer">
          Open on the P2
        </a>
      )}{' '}
      {counts && (
        <button
          type="button"
          className="link"
          title="This comment counts as a posted status update; take that back"
          onClick={async () => {
            const result = await api.p2.notUpdate({ id: incidentId, commentId: item.p2.commentId })
            setError(result.ok ? null : result.error.message)
          }}
        >
          Not an update
        </button>
      )}
      {counts && <span className="hint"> · counted as the status update</span>}
      {error && <span role="alert"> {error}</span>}
    </span>
  )
}
