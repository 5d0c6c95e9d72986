import { useEffect, useState } from 'react'
import type { Settings } from '../../../../electron/shared/types'
import { api } from '../../api'
import { BackupSection } from './BackupSection'
import { FieldError, useDraft, useSettingsSave } from './fields'
import { NoticeList } from './NoticeList'

/** Where everything is kept, and whether the app starts with the session. */
export function DataSection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  const [atLogin, setAtLogin] = useDraft(settings.openAtLogin, (openAtLogin) =>
    save('login', { openAtLogin }),
  )
  const [path, setPath] = useState<string | null>(null)
  const [openError, setOpenError] = useState<string | undefined>()
  useEffect(() => {
    void api.dataFolder.get().then((r) => setPath(r.ok ? r.value.path : null))
  }, [])
  const open = async () => {
    const result = await api.dataFolder.open()
    setOpenError(result.ok ? undefined : result.error.message)
  }
  return (
    <>
      <div className="field">
        <span className="label">Data folder</span>
        <code className="path">{path ?? '…'}</code>
        <p className="hint">
          Every incident’s event log, screenshots and settings. Back it up like any folder.
        </p>
        <div>
          <button type="button" onClick={() => void open()}>
            Open data folder
          </button>
        </div>
        <FieldError id="open-folder-error" message={openError} />
      </div>
      <NoticeList />
      <BackupSection />
      <label className="choice">
        <input type="checkbox" checked={atLogin} onChange={(e) => setAtLogin(e.target.checked)} />
        <span>
          <strong>Open Incident Tray when I log in</strong>
          <span className="hint">It starts in the tray, without a window.</span>
        </span>
      </label>
      <FieldError id="login-error" message={errors.login} />
    </>
  )
}
