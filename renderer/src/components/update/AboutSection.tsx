import type { Settings } from '../../../../electron/shared/types'
import { checkForUpdates, restartToUpdate, useAppUpdate } from '../../app-update'
import { FieldError, useDraft, useSettingsSave } from '../settings/fields'
import { ReleaseNotes } from './ReleaseNotes'
import './UpdateNotice.css'

/** Settings → About: the version, the update under way, Check now, and automatic checks. */
export function AboutSection({ settings }: { settings: Settings }) {
  const view = useAppUpdate((s) => s.view)
  const message = useAppUpdate((s) => s.message)
  const { errors, save } = useSettingsSave()
  const [automatic, setAutomatic] = useDraft(
    settings.updates.checkAutomatically,
    (checkAutomatically) => save('updates', { updates: { checkAutomatically } }),
  )
  const state = view?.state
  const busy = state?.kind === 'checking' || state?.kind === 'downloading'
  return (
    <>
      <div className="field">
        <span className="label">Incident Tray {view?.version}</span>
        <p role="status" aria-label="Update status">
          {view?.status ?? '…'}
        </p>
        {state?.kind === 'downloading' && (
          <progress
            className="update-progress"
            aria-label={`Downloading ${state.version}`}
            max={100}
            value={state.percent}
          />
        )}
        {view?.notice && <p>{view.notice.text}</p>}
        {view?.state.kind === 'ready' && <ReleaseNotes notes={view.notes} url={view.releaseUrl} />}
        <div>
          {view?.notice?.kind === 'restart' ? (
            <button type="button" className="primary" onClick={() => void restartToUpdate()}>
              {view.notice.text}
            </button>
          ) : (
            <button
              type="button"
              disabled={!state || state.kind === 'off' || busy}
              onClick={() => void checkForUpdates()}
            >
              Check now
            </button>
          )}
        </div>
        <FieldError id="update-error" message={message ?? undefined} />
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={automatic}
          onChange={(e) => setAutomatic(e.target.checked)}
        />
        <span>
          <strong>Check for updates automatically</strong>
          <span className="hint">
            At start and every few hours; the download runs in the background, not on battery.
          </span>
        </span>
      </label>
      <FieldError id="updates-error" message={errors.updates} />
      <p className="hint">
        Updates come from the project’s GitHub releases and are checked against the release’s sha512
        checksums before they are installed. An update never restarts the app while an incident is
        active: it waits until none is. Installed from a deb or rpm package? Then your package
        manager (apt, dnf) brings updates, not the app.
      </p>
    </>
  )
}
