import { useState } from 'react'
import { STORAGE_ERRORS } from '../../../../electron/shared/result'
import type { DetectionMethod, InitialStatus } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'

export interface RecordFields {
  title: string
  observed: string
  severity: number | null
  detection: DetectionMethod
  area: string
  status: InitialStatus
  recorder: string
}

/** The Record dialog's fields and its one host call; a refused write keeps what was typed. */
export function useRecordForm() {
  const close = useApp((s) => s.closeRecord)
  const openIncident = useApp((s) => s.openIncident)
  const settings = useApp((s) => s.snapshot!.settings)
  const defaultRecorder = useApp((s) => s.snapshot!.defaultRecorder)
  const [fields, setFields] = useState<RecordFields>(() => ({
    title: '',
    observed: '',
    severity: null,
    detection: 'alert',
    area: '',
    status: 'pending',
    recorder: settings.you.name || defaultRecorder,
  }))
  const [retry, setRetry] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof RecordFields>(key: K, value: RecordFields[K]) =>
    setFields((prev) => ({ ...prev, [key]: value }))

  const submit = async () => {
    if (busy) return
    const { severity } = fields
    if (severity === null) {
      setError('Choose an estimated severity: your best judgement is enough, it can change later.')
      return
    }
    setBusy(true)
    const result = await api.incident.record({ ...fields, severity })
    setBusy(false)
    // The disk refused the write: every field keeps what was typed, the button says Retry.
    setRetry(!result.ok && STORAGE_ERRORS.has(result.error.code))
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    close()
    openIncident(result.value.id)
  }
  return { fields, set, submit, retry, error, busy, close }
}
