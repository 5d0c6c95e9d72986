import { useCallback, useEffect, useRef, useState } from 'react'
import type { RetroDraft } from '../../../../electron/shared/types'
import type { RetroView } from '../../../../electron/shared/ipc-contract'
import { api } from '../../api'
import { keepBeforeRestart } from '../../app-update'

export const SAVE_AFTER_MS = 800

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error'

/**
 * The workspace's draft. What is typed lives here first and is saved whole after 800 ms of quiet,
 * on blur and on close; answers from the host never overwrite what is on screen, so no keystroke
 * typed while a save is in flight is lost. A refused save keeps the draft for the next try.
 */
export function useRetroDraft(id: string) {
  const [view, setView] = useState<RetroView | null>(null)
  const [draft, setDraft] = useState<RetroDraft | null>(null)
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [error, setError] = useState<string | null>(null)
  const pending = useRef<RetroDraft | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    let live = true
    void api.retro.get({ id }).then((result) => {
      if (!live) return
      if (result.ok) {
        setView(result.value)
        setDraft(result.value.draft)
      } else setError(result.error.message)
    })
    return () => {
      live = false
    }
  }, [id])

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current)
    const next = pending.current
    if (!next) return true
    pending.current = null
    setSaveState('saving')
    const result = await api.retro.saveDraft({ id, draft: next })
    if (result.ok) {
      setView(result.value)
      setError(null)
      setSaveState(pending.current ? 'unsaved' : 'saved')
      return true
    }
    pending.current ??= next
    setError(result.error.message)
    setSaveState('error')
    return false
  }, [id])

  const change = useCallback(
    (next: RetroDraft) => {
      setDraft(next)
      pending.current = next
      setSaveState('unsaved')
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS)
    },
    [flush],
  )

  // Closing the workspace saves what is still pending; so does a restart into an update.
  useEffect(() => () => void flush(), [flush])
  useEffect(() => keepBeforeRestart(flush), [flush])

  return { view, setView, draft, change, flush, saveState, error, setError }
}
