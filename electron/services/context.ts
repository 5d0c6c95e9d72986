import { UNKNOWN_ACTOR, type CommandContext } from '../domain/command'
import type { IncidentStore } from '../store/incident-store'
import type { SettingsStore } from '../store/settings-store'
import type { Handlers } from './dispatch'
import type { IncidentRepository } from './incidents'
import type { Ports } from './ports'

/** What every feature's handlers and background jobs get from the host. */
export interface HostContext {
  dataDir: string
  ports: Ports
  store: IncidentStore
  incidents: IncidentRepository
  settings: SettingsStore
  now(): Date
  /** Call after every change: pushes what changed to the windows, runs onChanged jobs. */
  changed(): void
  /** Runs after every change (a scheduler re-arming, say), with the ids of the incidents changed. */
  onChanged(job: (ids: readonly string[]) => void): void
  /** Runs when the host closes (cancel timers here). */
  onClose(job: () => void): void
}

/** A feature's slice of the contract's handlers. */
export type FeatureHandlers<C extends keyof Handlers> = Pick<Handlers, C>

/** Who acts in this app: the name in settings, or "Unknown" until one is set. */
export function actor(ctx: Pick<HostContext, 'settings'>): string {
  return ctx.settings.get().you.name || UNKNOWN_ACTOR
}

/** What every event a handler writes carries: a fresh id, its incident, now, and who. */
export function eventStamp(ctx: HostContext, incidentId: string) {
  return { id: ctx.incidents.eventId(), incidentId, at: ctx.now().toISOString(), by: actor(ctx) }
}

/** What a domain command needs to write its events: fresh ids, now, and who (as `execute` gives). */
export function commandStamp(ctx: HostContext): CommandContext {
  return ctx.incidents.commandContext()
}
