import type { ReactNode } from 'react'

/** One register of the Mitigation panel: a heading with what is still open, the list, a form. */
export function RegisterCard(props: {
  title: string
  /** "2 still silenced": shown loud when something is open. */
  open?: string
  quiet?: string
  children: ReactNode
}) {
  const id = `register-${props.title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section className="register" aria-labelledby={id}>
      <h4 id={id} className="register-title">
        {props.title}
        {props.open ? (
          <span className="register-open">{props.open}</span>
        ) : (
          props.quiet && <span className="register-quiet">{props.quiet}</span>
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
