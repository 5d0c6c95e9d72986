import { UserError } from '../../domain/incident/errors'
import type { ConnectionView } from '../../shared/publishing-contract'
import type { HostContext } from '../context'
import { PublishFailure } from './http'
import { siteAddress, WordPressClient, type Connection } from './wordpress'

export const SECRET_KEY = 'publishing-password'

/**
 * The P2 connection: the address and user in settings, the application password behind the
 * SecretStore port (the OS keychain). Saved only once the site accepts all three.
 */
export class PublishingConnection {
  constructor(
    private readonly ctx: HostContext,
    readonly http: { timeoutMs?: number | undefined; maxBytes?: number } = {},
  ) {}

  private get secrets() {
    return this.ctx.ports.secrets
  }

  view(): ConnectionView {
    const { url, user, followStatus } = this.ctx.settings.get().publishing
    return {
      url,
      user,
      followStatus,
      hasPassword: Boolean(this.secrets?.get(SECRET_KEY)),
      keychain: Boolean(this.secrets),
    }
  }

  connected(): boolean {
    const { url, user } = this.ctx.settings.get().publishing
    return Boolean(url && user && this.secrets?.get(SECRET_KEY))
  }

  /** The saved connection; a PublishFailure (waits for the user) when there is none. */
  current(): Connection {
    const { url, user } = this.ctx.settings.get().publishing
    const password = this.secrets?.get(SECRET_KEY)
    if (!url || !user || !password) {
      throw new PublishFailure(
        'refused',
        'No site is connected: add the address, user and application password in Settings → Publishing.',
      )
    }
    return { url, user, password }
  }

  /** Checks a connection and saves it only when the site accepts it. */
  async connect(input: { url: string; user: string; password?: string | undefined }) {
    if (!this.secrets) {
      throw new UserError(
        'no-keychain',
        'The OS keychain is not available: the password cannot be kept safely here.',
      )
    }
    const url = asUserError(() => siteAddress(input.url))
    const saved = this.ctx.settings.get().publishing
    // The kept password only ever goes to the site and user it was given for.
    const same = url === saved.url && input.user === saved.user
    const password = input.password || (same ? this.secrets.get(SECRET_KEY) : null)
    if (!password) {
      throw new UserError(
        'no-password',
        same
          ? 'Enter the application password.'
          : 'Enter the application password for this site and user.',
      )
    }
    const checked = await this.check({ url, user: input.user, password })
    this.ctx.settings.update({ publishing: { url, user: input.user } })
    this.secrets.set(SECRET_KEY, password)
    this.ctx.changed()
    return { ...this.view(), site: checked.name }
  }

  async test(): Promise<{ site: string; user: string }> {
    const connection = asUserError(() => this.current())
    const checked = await this.check(connection)
    return { site: checked.name, user: checked.user }
  }

  disconnect(): ConnectionView {
    this.secrets?.set(SECRET_KEY, null)
    this.ctx.settings.update({ publishing: { url: '', user: '' } })
    this.ctx.changed()
    return this.view()
  }

  private async check(connection: Connection) {
    try {
      return await new WordPressClient(connection, this.http).check()
    } catch (err) {
      if (err instanceof PublishFailure) throw new UserError(`publish-${err.kind}`, err.message)
      throw err
    }
  }
}

export function asUserError<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof PublishFailure) throw new UserError(`publish-${err.kind}`, err.message)
    throw err
  }
}
