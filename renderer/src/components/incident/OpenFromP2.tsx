import { useEffect, useState } from 'react'
import { create } from 'zustand'
import type { P2Post } from '../../../../electron/shared/publishing-contract'
import { STATUS_LABELS } from '../../../../electron/shared/format'
import { api } from '../../api'
import { useApp } from '../../store'
import { formatDateAndTime } from '../../time'
import { FormDialog } from '../common/FormDialog'

/** Whether "Open from the P2…" is showing (the palette, the record dialog and the tray open it). */
export const useOpenFromP2 = create<{ open: boolean; show(): void; hide(): void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}))

/** The dialog while it is asked for. */
export function OpenFromP2() {
  return useOpenFromP2((s) => s.open) ? <OpenFromP2Dialog /> : null
}

/**
 * Takes an incident over from the P2: a post's address, or one of the site's recent posts whose
 * status tag is not resolved or reviewed. The local incident is bound to the post.
 */
export function OpenFromP2Dialog() {
  const hide = useOpenFromP2((s) => s.hide)
  const [url, setUrl] = useState('')
  const [posts, setPosts] = useState<P2Post[] | null>(null)
  const [listError, setListError] = useState<string | null>(null)
  useEffect(() => {
    void api.p2.recent().then((r) => (r.ok ? setPosts(r.value) : setListError(r.error.message)))
  }, [])
  const open = async (address: string): Promise<string | null> => {
    const result = await api.p2.open({ url: address })
    if (!result.ok) return result.error.message
    hide()
    void useApp.getState().select(result.value.id)
    return null
  }
  return (
    <FormDialog
      title="Open from the P2"
      hint="Make a local incident from a post on the connected P2: its status, comments and updates follow the post, and what you publish goes to it."
      submitLabel="Open"
      onClose={hide}
      onSubmit={() => open(url)}
      wide
    >
      <label className="field">
        <span className="label">The post’s address</span>
        <input
          autoFocus
          type="url"
          value={url}
          placeholder="https://…/?p=123"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <h3 className="label">Open incidents on the P2</h3>
      {listError && <p className="hint">{listError}</p>}
      {posts === null && !listError && <p className="hint">Reading the P2…</p>}
      {posts?.length === 0 && <p className="hint">No post on the P2 has an open status tag.</p>}
      {posts && posts.length > 0 && (
        <ul className="p2-posts">
          {posts.map((p) => (
            <li key={p.url}>
              <button type="button" className="link" onClick={() => void open(p.url)}>
                {p.title}
              </button>{' '}
              <span className="hint">
                {p.status ? STATUS_LABELS[p.status] : 'no status tag'} ·{' '}
                {formatDateAndTime(p.postedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </FormDialog>
  )
}
