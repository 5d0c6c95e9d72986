import type { DialogHTMLAttributes, ReactNode } from 'react'
import { useModalDialog } from '../../useModalDialog'

/**
 * A `<dialog>` opened as a modal on mount; Esc calls `onClose` (the owner unmounts it) instead of
 * closing it behind React's back. `closeOnBackdrop` also closes it on a click outside its box.
 */
export function ModalDialog({
  onClose,
  restoreFocus,
  closeOnBackdrop,
  children,
  ...rest
}: {
  onClose: () => void
  restoreFocus?: boolean
  closeOnBackdrop?: boolean
  children: ReactNode
} & Omit<DialogHTMLAttributes<HTMLDialogElement>, 'onCancel' | 'children'>) {
  const dialog = useModalDialog({ restoreFocus })
  return (
    <dialog
      ref={dialog}
      {...rest}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onClick={
        closeOnBackdrop
          ? (e) => {
              if (e.target === dialog.current) onClose()
            }
          : rest.onClick
      }
    >
      {children}
    </dialog>
  )
}
