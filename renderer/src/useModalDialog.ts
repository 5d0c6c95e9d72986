import { useEffect, useRef } from 'react'

/**
 * A ref for a `<dialog>` that opens it as a modal when the component mounts (focus trapped, Esc
 * closes, the rest inert). Unmounting the component closes it; with `restoreFocus`, focus then
 * goes back where it was before it opened.
 */
export function useModalDialog(options: { restoreFocus?: boolean } = {}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const { restoreFocus = false } = options
  useEffect(() => {
    const before = document.activeElement
    const el = dialog.current
    if (el && !el.open) el.showModal()
    if (!restoreFocus) return
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [restoreFocus])
  return dialog
}
