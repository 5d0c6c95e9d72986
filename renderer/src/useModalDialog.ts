import { useEffect, useRef } from 'react'

/**
 * A ref for a `<dialog>` that opens it as a modal when the component mounts (focus trapped, Esc
 * closes, the rest inert). Unmounting the component closes it.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])
  return dialog
}
