import { useShallow } from 'zustand/react/shallow'
import { useApp } from '../store'

/** Things the user must hear about once (a repaired log, damaged settings), and call errors. */
export function Notices() {
  const { notices, dismissed, dismiss, error, showError } = useApp(
    useShallow((s) => ({
      notices: s.snapshot?.notices ?? [],
      dismissed: s.dismissedNotices,
      dismiss: s.dismissNotice,
      error: s.error,
      showError: s.showError,
    })),
  )
  const visible = notices.filter((n) => !dismissed.includes(n.id))
  if (visible.length === 0 && !error) return null
  return (
    <div className="notices">
      {error && (
        <div className="banner error" role="alert">
          <span>{error}</span>
          <button type="button" className="link" onClick={() => showError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {visible.map((notice) => (
        <div key={notice.id} className="banner warn" role="status">
          <span>{notice.message}</span>
          <button type="button" className="link" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
