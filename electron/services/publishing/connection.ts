import { UserError } from '../../domain/incident/errors'
import type { ConnectionView } from '../../shared/publishing-contract'
import type { HostContext } from '../context'
import { PublishFailure } from './http'
import { siteAddress, WordPressClient, type Connection } from './wordpress'

/** The kept password with the site and user it was given for, encrypted together. */
export const SECRET_KEY = 'publishing-credential'
/** Where versions before the binding kept a bare password; bound once at start-up, then gone. */
const UNBOUND_KEY = 'publishing-password'

interface Credential {
  site: string
  user: string
  password: string
}

/** The site address as connect saves it; null for one it would refuse. */
function siteOf(url: string): string | null {
  try {
    return siteAddress(url)
  } catch {
    return null
  }
}

function readCredential(value: string | null): Credential | null {
  if (value === null) return null
  try {
    const c = JSON.parse(value) as Partial<Credential>
    return typeof c.site === 'string' &&
      typeof c.user === 'string' &&
      typeof c.password === 'string'
      ? { site: c.site, user: c.user, password: c.password }
      : null
  } catch {
    return null
  }
}

/**
 * The P2 connection: the address and user in settings, the application password behind the
 * SecretStore port (the OS keychain). Saved only once the site accepts all three.
 *
 * The password is kept together with the site address and user it was given for, inside the
 * encrypted value (so editing secrets.json cannot rebind it). Settings can change without this
 * class seeing it (a restored backup, a hand-edited settings.json), so every use compares the
 * binding with the settings of the moment, and a password that no longer matches is deleted:
 * it is never sent anywhere but to its own site, as its own user.
 */
export class PublishingConnection {
  constructor(
    private readonly ctx: HostContext,
    readonly http: { timeoutMs?: number | undefined; maxBytes?: number } = {},
  ) {
    this.bindUnboundPassword()
  }

  private get secrets() {
    return this.ctx.ports.secrets
  }

  /**
   * A password kept by a version before the binding belongs to the address and user in the
   * settings at the first start after the upgrade; without both, it is dropped.
   */
  private bindUnboundPassword(): void {
    const secrets = this.secrets
    try {
      const password = secrets?.get(UNBOUND_KEY)
      if (!secrets || password === null || password === undefined) return
      const { url, user } = this.ctx.settings.get().publishing
      const site = siteOf(url)
      if (site && user && !secrets.get(SECRET_KEY)) {
        secrets.set(SECRET_KEY, JSON.stringify({ site, user, password } satisfies Credential))
      }
      secrets.set(UNBOUND_KEY, null)
    } catch {
      // No keychain now: nothing can be read or sent; the next start tries again.
    }
  }

  /** The kept password if it belongs to the address and user in settings now; else deleted. */
  private kept(): string | null {
    const kept = readCredential(this.secrets?.get(SECRET_KEY) ?? null)
    if (!kept) return null
    const { url, user } = this.ctx.settings.get().publishing
    if (kept.site === siteOf(url) && kept.user === user) return kept.password
    this.secrets?.set(SECRET_KEY, null)
    return null
  }

  view(): ConnectionView {
    const { url, user, followStatus } = this.ctx.settings.get().publishing
    return {
      url,
      user,
      followStatus,
      hasPassword: Boolean(this.kept()),
      keychain: Boolean(this.secrets),
    }
  }

  connected(): boolean {
    const { url, user } = this.ctx.settings.get().publishing
    return Boolean(url && user && this.kept())
  }

  /** The saved connection; a PublishFailure (waits for the user) when there is none. */
  current(): Connection {
    const { url, user } = this.ctx.settings.get().publishing
    const password = this.kept()
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
    const same = url === siteOf(saved.url) && input.user === saved.user
    const password = input.password || (same ? this.kept() : null)
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
    this.secrets.set(
      SECRET_KEY,
      JSON.stringify({ site: url, user: input.user, password } satisfies Credential),
    )
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
