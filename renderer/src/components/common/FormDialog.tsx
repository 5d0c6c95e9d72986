import { useState, type ReactNode } from 'react'
import { useModalDialog } from '../../useModalDialog'

/**
 * A modal form: opens on mount, Esc cancels, shows the host's refusal as written. `onSubmit`
 * returns an error message, or null when done (the caller then closes it).
 */
export function FormDialog(props: {
  title: string
  hint?: ReactNode
  submitLabel: string
  onSubmit: () => Promise<string | null>
  onClose: () => void
  wide?: boolean
  children: ReactNode
}) {
  const dialog = useModalDialog()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const headingId = `dlg-${props.title.replace(/\W+/g, '-').toLowerCase()}`
  const submit = async () => {
    if (busy) return
    setBusy(true)
    const problem = await props.onSubmit()
    setBusy(false)
    if (problem) setError(problem)
    else props.onClose()
  }
  return (
    <dialog
      ref={dialog}
      className={props.wide ? 'dialog' : 'dialog small-dialog'}
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault()
        props.onClose()
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <h2 id={headingId}>{props.title}</h2>
        {props.hint && <p className="hint">{props.hint}</p>}
        {props.children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <footer className="dialog-footer">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {props.submitLabel}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
