import { existsSync, renameSync, writeFileSync } from 'node:fs'
import type { z } from 'zod'
import { Settings, withoutDefaults, type SettingsPatch } from '../domain/settings/settings'
import { checkSiteAddress } from '../domain/settings/site-address'
import { fileStamp } from './fs-util'
import { PRIVATE_FILE_MODE } from './private-files'

/** electron-store in the app, conf in tests: both expose the whole file as `store`. */
export interface SettingsBackend {
  get store(): Record<string, unknown>
  set store(value: Record<string, unknown>)
  readonly path: string
}

/**
 * Settings over electron-store/conf, validated with the zod schema. A file that cannot be read or
 * does not fit the schema is kept beside as `<name>.corrupt-<time>` and defaults are used: user
 * data is never wiped silently.
 */
export class SettingsStore {
  private current: Settings
  readonly notices: string[] = []
  private readonly backend: SettingsBackend

  constructor(open: () => SettingsBackend, path: string, now: () => Date) {
    this.backend = SettingsStore.openKeepingBadFile(open, path, now, this.notices)
    const parsed = Settings.safeParse(this.backend.store)
    const withoutAddress = parsed.success ? null : this.withoutRefusedAddress(parsed.error)
    if (parsed.success) {
      this.current = parsed.data
    } else if (withoutAddress) {
      this.current = withoutAddress
      this.backend.store = this.current
    } else {
      const aside = `${this.backend.path}.corrupt-${fileStamp(now())}`
      writeFileSync(aside, JSON.stringify(this.backend.store, null, 2), {
        mode: PRIVATE_FILE_MODE,
      })
      this.notices.push(
        `Some settings could not be read; they were kept in ${aside} and defaults are used.`,
      )
      this.current = Settings.parse({})
      this.backend.store = this.current
    }
  }

  /**
   * A site address the address rule refuses (saved by an older version, or edited by hand) is
   * cleared, with a notice, rather than setting every other setting aside: the settings as they
   * would read without it, or null when something else is wrong too.
   */
  private withoutRefusedAddress(error: z.ZodError): Settings | null {
    const onlyAddress = error.issues.every((i) => i.path.join('.') === 'publishing.url')
    const raw = this.backend.store
    const publishing = raw.publishing
    if (!onlyAddress || typeof publishing !== 'object' || publishing === null) return null
    const url = (publishing as { url?: unknown }).url
    const parsed = Settings.safeParse({ ...raw, publishing: { ...publishing, url: '' } })
    if (!parsed.success) return null
    const why = typeof url === 'string' ? checkSiteAddress(url) : null
    this.notices.push(
      `The P2 address ${typeof url === 'string' ? url.slice(0, 200) : ''} was not kept${
        why && !why.ok ? ` (${why.problem})` : ''
      }; connect again in Settings → Publishing.`,
    )
    return parsed.data
  }

  private static openKeepingBadFile(
    open: () => SettingsBackend,
    path: string,
    now: () => Date,
    notices: string[],
  ): SettingsBackend {
    try {
      return open()
    } catch (err) {
      if (!existsSync(path)) throw err
      const aside = `${path}.corrupt-${fileStamp(now())}`
      renameSync(path, aside)
      notices.push(`The settings file was damaged; it was kept as ${aside} and defaults are used.`)
      return open()
    }
  }

  get(): Settings {
    return this.current
  }

  update(patch: SettingsPatch): Settings {
    const next = this.preview(patch)
    this.backend.store = next
    this.current = next
    return next
  }

  /**
   * Restores a backup's settings; they were validated when read. The publishing section stays
   * as it is here: a backup names its own site, and the kept password must never follow it.
   */
  restore(settings: Settings): Settings {
    const next = Settings.parse({ ...settings, publishing: this.current.publishing })
    this.backend.store = next
    this.current = next
    return next
  }

  /** The settings a patch would give, validated, without saving them (throws a ZodError). */
  preview(patch: SettingsPatch): Settings {
    return Settings.parse({
      ...this.current,
      you: {
        ...this.current.you,
        ...patch.you,
        workingHours: { ...this.current.you.workingHours, ...patch.you?.workingHours },
      },
      severityScale: patch.severityScale ?? this.current.severityScale,
      shortcuts: { ...this.current.shortcuts, ...patch.shortcuts },
      cadence: { ...this.current.cadence, ...patch.cadence },
      reminders: { ...this.current.reminders, ...patch.reminders },
      notifications: { ...this.current.notifications, ...patch.notifications },
      appearance: { ...this.current.appearance, ...patch.appearance },
      openAtLogin: patch.openAtLogin ?? this.current.openAtLogin,
      updates: { ...this.current.updates, ...patch.updates },
      firstRun: { ...this.current.firstRun, ...patch.firstRun },
      templates: withoutDefaults({ ...this.current.templates, ...patch.templates }),
      comms: { ...this.current.comms, ...patch.comms },
      mitigation: { ...this.current.mitigation, ...patch.mitigation },
      quickLinks: patch.quickLinks ?? this.current.quickLinks,
      runbooks: patch.runbooks ?? this.current.runbooks,
      rota: patch.rota ?? this.current.rota,
      leadReminderMinutes: patch.leadReminderMinutes ?? this.current.leadReminderMinutes,
      retro: { ...this.current.retro, ...patch.retro },
      publishing: { ...this.current.publishing, ...patch.publishing },
    })
  }
}
