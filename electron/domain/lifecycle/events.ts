import { z } from 'zod'
import { defineEvents, text, time, type EventOf, type EventsOf } from '../event-base'
import { STATUSES } from './status'

export const KEY_TIMES = [
  'impactStartedAt',
  'detectedAt',
  'recordedAt',
  'stabilizedAt',
  'resolvedAt',
] as const
export type KeyTime = (typeof KEY_TIMES)[number]

export const KEY_TIME_LABELS: Record<KeyTime, string> = {
  impactStartedAt: 'Impact started',
  detectedAt: 'Detected',
  recordedAt: 'Recorded',
  stabilizedAt: 'Stabilized',
  resolvedAt: 'Resolved',
}

/** How two incidents are linked: this one recurs the other, or recurred as it. */
export const LINK_RELATIONS = ['recurrence-of', 'recurred-as'] as const
export type LinkRelation = (typeof LINK_RELATIONS)[number]

/** A lead taken from the rota, or named freely. */
export const LEAD_SOURCES = ['rota', 'free'] as const
export type LeadSource = (typeof LEAD_SOURCES)[number]

const status = z.enum(STATUSES)

export const LIFECYCLE_EVENTS = defineEvents({
  /** A move through the status graph; a summary is the mitigation (→Stabilized) or solution (→Resolved). */
  'status.changed': { from: status, to: status, summary: text.optional() },
  /** "It happened again" within 48 h of the resolution: written beside its status.changed. */
  'incident.reopened': { note: text },
  /** A recurrence after 48 h: one event on each incident, so each points at the other. */
  'incident.linked': { otherId: text, otherTitle: text, relation: z.enum(LINK_RELATIONS) },
  'severity.changed': { from: z.number().int(), to: z.number().int(), reason: text },
  'lead.set': {
    lead: text,
    source: z.enum(LEAD_SOURCES),
    /** The handover note, when the lead changes hands. */
    note: text.optional(),
  },
  'keytime.changed': {
    key: z.enum(KEY_TIMES),
    /** The corrected time (ISO). */
    value: time,
    reason: text,
  },
})

export type StatusChanged = EventOf<(typeof LIFECYCLE_EVENTS)['status.changed']>
export type IncidentReopened = EventOf<(typeof LIFECYCLE_EVENTS)['incident.reopened']>
export type IncidentLinked = EventOf<(typeof LIFECYCLE_EVENTS)['incident.linked']>
export type SeverityChanged = EventOf<(typeof LIFECYCLE_EVENTS)['severity.changed']>
export type LeadSet = EventOf<(typeof LIFECYCLE_EVENTS)['lead.set']>
export type KeyTimeChanged = EventOf<(typeof LIFECYCLE_EVENTS)['keytime.changed']>
export type LifecycleEvent = EventsOf<typeof LIFECYCLE_EVENTS>
