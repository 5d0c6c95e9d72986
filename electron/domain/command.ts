import type { NewEvent } from './events'
import type { Incident } from './incident'

/** What a command needs besides the incident: fresh ids, the time, and who acts. */
export interface CommandContext {
  /** A fresh id on every call (events, and the things they create: alarms, measures…). */
  eventId(): string
  now: Date
  /** The name in settings, or `UNKNOWN_ACTOR` until one is set. */
  by: string
}

/**
 * A command decides: from the incident as it is and the user's input, the events to append (all
 * or none; an empty list writes nothing), or a refusal thrown as a `UserError`. Pure.
 */
export type Command<I> = (incident: Incident, input: I, ctx: CommandContext) => NewEvent[]

/** What a mutation answers: done, and the incident's version after it (its event count). */
export interface Ack {
  id: string
  version: number
}

/** Who acts while settings name nobody. */
export const UNKNOWN_ACTOR = 'Unknown'

/** What every event carries: a fresh id, its incident, now, and who. */
export function stamp(incident: Incident, ctx: CommandContext) {
  return { id: ctx.eventId(), incidentId: incident.id, at: ctx.now.toISOString(), by: ctx.by }
}

/** The author of what the user writes on the timeline: their name, else the incident's recorder. */
export function authorOf(incident: Incident, ctx: CommandContext): string {
  return ctx.by === UNKNOWN_ACTOR ? incident.recorder : ctx.by
}
