import { useEffect, useState } from 'react'
import { UNDO_COPY_MS } from '../../../../electron/shared/format'
import type { ChannelInput, CopyResult } from '../../../../electron/shared/ipc-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { TRANSIENT_MS, useTransient } from '../../useTransient'

/**
 * Copying an output of one incident (comms:copy), with what to say after it and the undo of a copy
 * that counted as the posted update, offered for a minute: the panel and the header's "Copy update".
 * What it says goes away after a few seconds; beside an Undo it stays the Undo's minute.
 */
export function useCopyOutput(id: string) {
  const showError = useApp((s) => s.showError)
  const [message, say] = useTransient()
  const [posted, setPosted] = useState<string | null>(null)
  useEffect(() => {
    if (!posted) return
    // A minute on this page's clock; the host refuses a late undo by its own clock.
    const handle = setTimeout(() => setPosted(null), UNDO_COPY_MS)
    return () => clearTimeout(handle)
  }, [posted])
  const copy = async (
    input: Omit<ChannelInput<'comms:copy'>, 'id'>,
    said: (copied: CopyResult) => string,
  ) => {
    const result = await api.comms.copy({ id, ...input })
    if (!result.ok) return showError(result.error.message)
    // A title is never a posted update: an undo offered for the body stays.
    const updateId = result.value.posted?.updateId ?? null
    if (input.part !== 'title') setPosted(updateId)
    say(said(result.value), updateId ? UNDO_COPY_MS : TRANSIENT_MS)
  }
  const undo = async () => {
    if (!posted) return
    const result = await api.update.undo({ id, updateId: posted })
    setPosted(null)
    if (result.ok) say('Undone: that copy does not count as posted.')
    else showError(result.error.message)
  }
  return { message, setMessage: say, copy, undo: posted ? undo : null }
}
