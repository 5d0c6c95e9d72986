import { useId, useState, type ReactNode } from 'react'
import type { SettingsPatch } from '../../../../electron/shared/types'
import { api } from '../../api'

/**
 * Saves one change at once through settings:update and keeps the host's refusal per field, so
 * the message sits under the field it is about (and is announced: role="alert").
 */
export function useSettingsSave() {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = async (field: string, patch: SettingsPatch): Promise<boolean> => {
    const result = await api.settings.update(patch)
    setErrors((current) => {
      const next = { ...current }
      if (result.ok) delete next[field]
      else next[field] = result.error.message
      return next
    })
    return result.ok
  }
  return { errors, save }
}

/**
 * A control's shown value: changes show at once (a controlled checkbox would otherwise snap back
 * until the host's snapshot arrives), follow the saved value when it changes, and go back to it
 * when a save is refused.
 */
export function useDraft<T>(saved: T, persist: (value: T) => Promise<boolean>) {
  const [draft, setDraft] = useState(saved)
  const [synced, setSynced] = useState(saved)
  if (!Object.is(synced, saved)) {
    setSynced(saved)
    setDraft(saved)
  }
  const change = (value: T) => {
    setDraft(value)
    void persist(value).then((ok) => {
      if (!ok) setDraft(saved)
    })
  }
  return [draft, change] as const
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="form-error field-error" role="alert">
      {message}
    </p>
  )
}

interface TextSettingProps {
  label: string
  value: string
  hint?: ReactNode
  placeholder?: string
  list?: string
  error: string | undefined
  onCommit(value: string): void
}

/** A text setting saved when you leave the field or press Enter; a refused value stays to fix. */
export function TextSetting({
  label,
  value,
  hint,
  placeholder,
  list,
  error,
  onCommit,
}: TextSettingProps) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  // A change saved elsewhere (first run, the palette) shows up here: adjust during render.
  const [synced, setSynced] = useState(value)
  if (synced !== value) {
    setSynced(value)
    setDraft(value)
  }
  const commit = () => {
    if (draft !== value || error) onCommit(draft)
  }
  return (
    <div className="field">
      <label className="label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        value={draft}
        list={list}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined
        }
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          }
        }}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}
