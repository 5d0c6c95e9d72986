import { useEffect, useState } from 'react'
import type { Settings } from '../../../../electron/shared/types'
import type { ConnectionView } from '../../../../electron/shared/publishing-contract'
import { api } from '../../api'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import '../comms/publishing.css'
import { P2ReadNote } from './P2ReadNote'

/**
 * The P2 to publish to: address, user and application password. Saved only once the site
 * accepts them; the password goes to the OS keychain and is never shown again.
 */
export function PublishingSection({ settings }: { settings: Settings }) {
  const [url, setUrl] = useState(settings.publishing.url)
  const [user, setUser] = useState(settings.publishing.user)
  const [password, setPassword] = useState('')
  const { view, message, error, busy, setError, connect, test, disconnect, follow } =
    usePublishingConnection({ url, user, password, clearPassword: () => setPassword('') })
  const connected = Boolean(view?.hasPassword && settings.publishing.url)

  return (
    <form
      className="publishing-settings"
      onSubmit={(e) => {
        e.preventDefault()
        void connect()
      }}
    >
      <p className="hint">
        A P2 is a WordPress site (5.6 or later). In WordPress, open your profile (Users → Profile),
        add an application password under “Application Passwords”, and paste it here.
      </p>
      <P2ReadNote />
      {view && !view.keychain && (
        <p className="form-error" role="alert">
          The OS keychain is not available here, so the password cannot be kept safely.
        </p>
      )}
      <label className="field">
        <span className="label">Site address</span>
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://make.wordpress.org/openverse"
          autoComplete="url"
        />
      </label>
      <label className="field">
        <span className="label">User name</span>
        <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />
      </label>
      <label className="field">
        <span className="label">Application password</span>
        <input
          type="password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value)
            setError(null)
          }}
          placeholder={view?.hasPassword ? 'Saved in the keychain (type to replace)' : ''}
          autoComplete="new-password"
        />
      </label>
      <PublishButtons
        busy={busy}
        connected={connected}
        canConnect={Boolean(url.trim() && user.trim())}
        onTest={() => void test()}
        onDisconnect={() => void disconnect()}
      />
      <FormError message={error} />
      {message && !error && (
        <p className="form-ok" role="status">
          {message}
        </p>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.publishing.followStatus}
          onChange={(e) => void follow(e.target.checked)}
        />
        <span>Swap the post's status tag at every status move (status-*; other tags kept)</span>
      </label>
    </form>
  )
}

/** The connection as the host reports it, and the calls that change it. */
function usePublishingConnection(form: {
  url: string
  user: string
  password: string
  clearPassword: () => void
}) {
  const { url, user, password, clearPassword } = form
  const [view, setView] = useState<ConnectionView | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const { error, busy, run, setError } = useApiCall()

  useEffect(() => {
    void api.publishing.get().then((r) => r.ok && setView(r.value))
  }, [])

  const connect = async () => {
    setMessage(null)
    const result = await run(() =>
      api.publishing.connect({ url, user, ...(password ? { password } : {}) }),
    )
    if (result) {
      setView(result)
      clearPassword()
      setMessage(`Connected to ${result.site} as ${result.user}: posts, comments and tags work.`)
    }
  }
  const test = async () => {
    setMessage(null)
    const result = await run(() => api.publishing.test())
    if (result) setMessage(`The connection works: ${result.site}, as ${result.user}.`)
  }
  const disconnect = async () => {
    const result = await run(() => api.publishing.disconnect())
    if (result) {
      setView(result)
      setMessage('Disconnected; the password was removed from the keychain.')
    }
  }
  const follow = async (followStatus: boolean) => {
    await run(() => api.settings.update({ publishing: { followStatus } }))
  }
  return { view, message, error, busy, setError, connect, test, disconnect, follow }
}

function PublishButtons(props: {
  busy: boolean
  connected: boolean
  canConnect: boolean
  onTest: () => void
  onDisconnect: () => void
}) {
  const { busy, connected } = props
  return (
    <div className="publish-buttons">
      <button type="submit" className="primary" disabled={busy || !props.canConnect}>
        {busy ? 'Checking…' : connected ? 'Save and test' : 'Connect'}
      </button>
      <button type="button" disabled={busy || !connected} onClick={props.onTest}>
        Test connection
      </button>
      <button type="button" disabled={busy || !connected} onClick={props.onDisconnect}>
        Disconnect
      </button>
    </div>
  )
}
