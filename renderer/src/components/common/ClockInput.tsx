import { useState, type InputHTMLAttributes } from 'react'
import {
  clockPlaceholder,
  clockText,
  readClock,
  type ClockStyle,
} from '../../../../electron/shared/time'
import { useClockStyle } from '../../time'

/**
 * A time of day typed on the app's clock ("09:00", or "9:00 AM" on the 12-hour clock; either is
 * read), instead of the browser's locale picker ("09:00 AM" on an English system whatever the
 * clock setting). `value` and `onChange` are HH:MM on a 24-hour clock; `onChange` hears whole
 * times only.
 */
export function ClockInput({
  value,
  onChange,
  ...rest
}: {
  value: string
  onChange: (hhmm: string) => void
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>) {
  const clock = useClockStyle()
  const shown = showClock(value, clock)
  // What was typed, and the value it was typed over: a value set from outside replaces it.
  const [typed, setTyped] = useState({ text: shown, over: shown })
  const text = typed.over === shown ? typed.text : shown
  const invalid = text.trim() !== '' && !readClock(text)
  return (
    <input
      {...rest}
      className={[rest.className, `clock-${clock}`].filter(Boolean).join(' ')}
      type="text"
      inputMode="text"
      placeholder={clockPlaceholder(clock)}
      maxLength={10}
      spellCheck={false}
      value={text}
      aria-invalid={invalid || rest['aria-invalid'] || undefined}
      onChange={(e) => {
        const read = readClock(e.target.value)
        const next = read ? clockText(read, '24h') : null
        setTyped({ text: e.target.value, over: next ? showClock(next, clock) : shown })
        if (next) onChange(next)
      }}
      onBlur={(e) => {
        // "17:30" typed on the 12-hour clock then reads "5:30 PM", as it is kept.
        if (readClock(text)) setTyped({ text: shown, over: shown })
        rest.onBlur?.(e)
      }}
    />
  )
}

/** "09:00" on the 24-hour clock, "9:00 AM" on the 12-hour one. */
function showClock(hhmm: string, clock: ClockStyle) {
  const read = readClock(hhmm)
  return read ? clockText(read, clock) : hhmm
}
