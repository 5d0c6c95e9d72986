import type { AudienceSet } from './timeline/audience'
import type { SeverityScaleId } from './incident/severity'
import type { InitialStatus } from './lifecycle/status'
import type { CommsEvent } from './comms/events'
import type { MitigationEvent } from './mitigation/events'
import type { PublishEvent } from './comms/publishing'
import type { ResolveEvent } from './lifecycle/resolve-events'
import type { UpdateEvent } from './comms/update-events'
import type { LifecycleEvent } from './lifecycle/events'
import type { RetroEvent } from './retro/events'
import type { TimelineEvent } from './timeline/events'

export const DETECTION_METHODS = ['alert', 'user-report', 'manual-check'] as const
export type DetectionMethod = (typeof DETECTION_METHODS)[number]

export const DETECTION_LABELS: Record<DetectionMethod, string> = {
  alert: 'Automated alert',
  'user-report': 'User report',
  'manual-check': 'Manual check',
}

/** Fields every event carries. `at` is when it was written (ISO 8601, UTC). */
export interface EventBase {
  id: string
  incidentId: string
  /** Position in the incident's log, from 1. */
  seq: number
  at: string
  by: string
  /**
   * The schema version of the line (electron/domain/event-schemas.ts). The store writes today's on
   * every event and upgrades older lines on read; absent only before an event is written.
   */
  v?: number
}

export interface IncidentRecorded extends EventBase {
  type: 'incident.recorded'
  title: string
  observed: string
  severity: number
  scale: SeverityScaleId
  detection: DetectionMethod
  area: string
  status: InitialStatus
}

export type IncidentEvent =
  | IncidentRecorded
  | UpdateEvent
  | CommsEvent
  | MitigationEvent
  | ResolveEvent
  | LifecycleEvent
  | RetroEvent
  | TimelineEvent
  | AudienceSet
  | PublishEvent

export type IncidentEventType = IncidentEvent['type']

/** An event before the store gives it its place in the log. */
export type NewEvent<E extends IncidentEvent = IncidentEvent> = E extends IncidentEvent
  ? Omit<E, 'seq' | 'v'>
  : never
