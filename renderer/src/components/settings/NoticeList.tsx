import { useShallow } from 'zustand/react/shallow'
import { useApp } from '../../store'
import { formatLocalAndUtc } from '../../time'
import './NoticeList.css'

/** Every notice of this session, dismissed or not: what the store repaired or set aside. */
export function NoticeList() {
  const { notices, dismiss } = useApp(
    useShallow((s) => ({ notices: s.snapshot?.notices ?? [], dismiss: s.dismissNotice })),
  )
  return (
    <section className="field notice-list" aria-labelledby="notice-list-title">
      <span className="label" id="notice-list-title">
        Repairs and notices
      </span>
      {notices.length === 0 ? (
        <p className="hint">
          Nothing was repaired or set aside since the app started. A line cut off by a crash, a
          damaged line or one written by a newer version would be listed here.
        </p>
      ) : (
        <ul>
          {notices.map((notice) => (
            <li key={notice.id} className={notice.dismissed ? 'dismissed' : undefined}>
              <time dateTime={notice.at}>{formatLocalAndUtc(notice.at)}</time>
              <span>{notice.message}</span>
              {!notice.dismissed && (
                <button type="button" className="link" onClick={() => dismiss(notice.id)}>
                  Dismiss
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
