import { useShallow } from 'zustand/react/shallow'
import { useApp } from '../../store'

/**
 * What the host says the user must hear about (a repaired log, a line set aside, damaged
 * settings) until dismissed, and call errors. Past notices are listed in Settings → Data.
 */
export function Notices() {
  const { notices, dismiss, error, showError } = useApp(
    useShallow((s) => ({
      notices: s.snapshot?.notices ?? [],
      dismiss: s.dismissNotice,
      error: s.error,
      showError: s.showError,
    })),
  )
  const visible = notices.filter((n) => !n.dismissed)
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
