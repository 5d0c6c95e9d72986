import { z } from 'zod'
import { AUDIENCE_EVENTS } from './timeline/audience'
import { SEVERITY_SCALE_IDS } from './incident/severity'
import { INITIAL_STATUSES } from './lifecycle/status'
import { COMMS_EVENTS } from './comms/events'
import { MITIGATION_EVENTS } from './mitigation/events'
import { PUBLISH_EVENTS } from './comms/publishing'
import { P2_EVENTS } from './comms/p2-events'
import { RESOLVE_EVENTS } from './lifecycle/resolve-events'
import { UPDATE_EVENTS } from './comms/update-events'
import { LIFECYCLE_EVENTS } from './lifecycle/events'
import { RETRO_EVENTS, RETRO_READ_REPAIRS } from './retro/events'
import { TIMELINE_EVENTS } from './timeline/events'
import { defineEvents, text, type EventOf, type EventsOf } from './event-base'

export type { EventBase } from './event-base'

export const DETECTION_METHODS = ['alert', 'user-report', 'manual-check'] as const
export type DetectionMethod = (typeof DETECTION_METHODS)[number]

export const DETECTION_LABELS: Record<DetectionMethod, string> = {
  alert: 'Automated alert',
  'user-report': 'User report',
  'manual-check': 'Manual check',
}

const RECORDED_EVENTS = defineEvents({
  'incident.recorded': {
    title: text,
    observed: text,
    severity: z.number().int(),
    scale: z.enum(SEVERITY_SCALE_IDS),
    detection: z.enum(DETECTION_METHODS),
    area: text,
    status: z.enum(INITIAL_STATUSES),
  },
})
export type IncidentRecorded = EventOf<(typeof RECORDED_EVENTS)['incident.recorded']>

/** Every event type, each defined once by its family: the schema is the definition. */
export const EVENT_DEFINITIONS = {
  ...RECORDED_EVENTS,
  ...UPDATE_EVENTS,
  ...COMMS_EVENTS,
  ...LIFECYCLE_EVENTS,
  ...MITIGATION_EVENTS,
  ...RESOLVE_EVENTS,
  ...RETRO_EVENTS,
  ...TIMELINE_EVENTS,
  ...AUDIENCE_EVENTS,
  ...PUBLISH_EVENTS,
  ...P2_EVENTS,
}

/**
 * The few types whose lines the reader repairs instead of setting aside, when today's schema
 * refuses them: the change, and why (for the notice).
 */
export const READ_REPAIRS: Readonly<
  Record<
    string,
    (event: Record<string, unknown>) => { event: Record<string, unknown>; why: string }
  >
> = { ...RETRO_READ_REPAIRS }

export type IncidentEvent = EventsOf<typeof EVENT_DEFINITIONS>
export type IncidentEventType = IncidentEvent['type']

/** An event before the store gives it its place in the log. */
export type NewEvent<E extends IncidentEvent = IncidentEvent> = E extends IncidentEvent
  ? Omit<E, 'seq' | 'v'>
  : never
