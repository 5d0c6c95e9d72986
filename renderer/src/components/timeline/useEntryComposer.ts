import { useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import {
  byteLength,
  ENTRY_TEXT_MAX_BYTES,
  tooLongMessage,
} from '../../../../electron/shared/format'
import type { ActionKind } from '../../../../electron/shared/types'
import { STORAGE_ERRORS } from '../../../../electron/shared/result'
import { api } from '../../api'
import { useApp } from '../../store'
import { backDate, type TimeZoneChoice } from './view'

export type ComposerKind = 'note' | 'paste' | 'link' | 'action'

/** What the composer holds, and its one host call. What was typed stays until it is accepted. */
export function useEntryComposer(incidentId: string, timelineZone: TimeZoneChoice) {
  // "Happened at" reads in the timeline's zone unless toggled here.
  const [ownZone, setZone] = useState<TimeZoneChoice | null>(null)
  const zone = ownZone ?? timelineZone
  const [kind, setKind] = useState<ComposerKind>('note')
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [action, setAction] = useState<ActionKind>('rollback')
  const [when, setWhen] = useState('')
  const [hypothesis, setHypothesis] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [retry, setRetry] = useState(false)
  const [busy, setBusy] = useState(false)
  // A restart (or any destructive action) asks for a backup or screenshot first.
  const [askBackup, setAskBackup] = useState(false)
  // Which kinds ask it is the host's rule (incident:view).
  const backupKinds = useApp((s) => s.selected?.backupPromptKinds)

  const submit = async (backupDone = false) => {
    if (busy) return
    if (kind === 'action' && backupKinds?.includes(action) && !backupDone) {
      setAskBackup(true)
      return
    }
    setAskBackup(false)
    if (kind !== 'link' && byteLength(text) > ENTRY_TEXT_MAX_BYTES) {
      setError(tooLongMessage(byteLength(text)))
      return
    }
    const occurredAt = when.trim() ? backDate(when, zone, Date.now()) : undefined
    if (when.trim() && !occurredAt) {
      setError(
        '“Happened at” takes a time like 14:02 or a date and time like 2023-10-03 23:50 (not in the future), or leave it empty for now.',
      )
      return
    }
    const entry =
      kind === 'link'
        ? { kind, title, url }
        : kind === 'action'
          ? { kind, action, text }
          : { kind, text }
    setBusy(true)
    const result = await api.timeline.add({ incidentId, entry, occurredAt, verified: !hypothesis })
    setBusy(false)
    // A write the disk refused: the text stays, and the button says what to do next.
    setRetry(!result.ok && STORAGE_ERRORS.has(result.error.code))
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    setError(null)
    setText('')
    setTitle('')
    setUrl('')
    setWhen('')
    setHypothesis(false)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey
    if (event.key === 'Enter' && (mod || (kind === 'note' && !event.shiftKey))) {
      event.preventDefault()
      void submit()
    }
  }

  // Refuse an oversized paste before it lands in the box, so what is there already stays.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain')
    if (!pasted) return
    const bytes = byteLength(text) + byteLength(pasted)
    if (bytes > ENTRY_TEXT_MAX_BYTES) {
      event.preventDefault()
      event.stopPropagation()
      setError(tooLongMessage(bytes))
    }
  }

  return {
    ...{ zone, setZone, kind, setKind, text, setText, title, setTitle, url, setUrl },
    ...{ action, setAction, when, setWhen, hypothesis, setHypothesis },
    ...{ error, setError, retry, busy, askBackup, setAskBackup },
    ...{ submit, onKeyDown, onPaste },
  }
}

export type EntryComposerState = ReturnType<typeof useEntryComposer>
