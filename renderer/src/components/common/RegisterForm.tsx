import type { ReactNode } from 'react'
import type { RegisterFormState } from './useRegisterForm'

/** One text input of a register form: the value's key, its accessible name, its hint. */
export interface RegisterField<K extends string> {
  key: K
  label: string
  placeholder: string
}

/**
 * The add form every register shares: text inputs from `fields`, optional controls before and
 * after them, the submit button and Cancel.
 */
export function RegisterForm<V extends Record<string, string | boolean>>(props: {
  form: RegisterFormState<V>
  fields: readonly RegisterField<Extract<keyof V, string>>[]
  submitLabel: string
  onSubmit: () => void
  className?: string
  disabled?: boolean
  before?: ReactNode
  after?: ReactNode
}) {
  const { form } = props
  return (
    <form
      className={props.className ?? 'register-form'}
      onSubmit={(e) => {
        e.preventDefault()
        props.onSubmit()
      }}
    >
      {props.before}
      {props.fields.map((field) => (
        <input
          key={field.key}
          aria-label={field.label}
          placeholder={field.placeholder}
          value={String(form.values[field.key])}
          onChange={(e) => form.set(field.key, e.target.value as V[typeof field.key])}
        />
      ))}
      {props.after}
      <button type="submit" disabled={form.busy || props.disabled}>
        {props.submitLabel}
      </button>
      <button type="button" onClick={() => form.setAdding(false)}>
        Cancel
      </button>
    </form>
  )
}
