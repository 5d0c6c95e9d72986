import { useState, type InputHTMLAttributes } from 'react'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false
  const day = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text)
}

/**
 * A date typed as YYYY-MM-DD, as every date in the app reads, instead of the browser's
 * locale picker (mm/dd/yyyy on an English system). `onChange` hears a whole day or '' only.
 */
export function IsoDateInput({
  value,
  onChange,
  ...rest
}: {
  value: string
  onChange: (day: string) => void
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>) {
  // What was typed, and the value it was typed over: a value set from outside (Clear filters, a
  // draft loaded) replaces it.
  const [typed, setTyped] = useState({ text: value, over: value })
  const text = typed.over === value ? typed.text : value
  const invalid = text !== '' && !isIsoDay(text)
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD"
      maxLength={10}
      spellCheck={false}
      value={text}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        const next = e.target.value.trim()
        const whole = next === '' || isIsoDay(next)
        setTyped({ text: e.target.value, over: whole ? next : value })
        if (whole) onChange(next)
      }}
    />
  )
}
