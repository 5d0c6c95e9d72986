import type { ReactNode } from 'react'
import './RegisterCard.css'

/** One register of the Mitigation panel: a heading with what is still open, the list, a form. */
export function RegisterCard(props: {
  title: string
  /** "2 still silenced": shown loud when something is open. */
  open?: string
  quiet?: string
  /** A small "+ …" button in the heading that opens the register's form. */
  add?: { label: string; onClick: () => void }
  children: ReactNode
}) {
  const id = `register-${props.title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section className="register" aria-labelledby={id}>
      <h4 id={id} className="register-title">
        <span className="register-name">{props.title}</span>
        {props.open ? (
          <span className="register-open">{props.open}</span>
        ) : (
          props.quiet && <span className="register-quiet">{props.quiet}</span>
        )}
        {props.add && (
          <button
            type="button"
            className="register-add"
            aria-label={`+ ${props.add.label}`}
            title={props.add.label}
            onClick={props.add.onClick}
          >
            + Add
          </button>
        )}
      </h4>
      {props.children}
    </section>
  )
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null
}
