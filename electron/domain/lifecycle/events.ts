import type { EventBase } from '../events'
import type { Status } from './status'

/** A move through the status graph; a summary is the mitigation (→Stabilized) or solution (→Resolved). */
export interface StatusChanged extends EventBase {
  type: 'status.changed'
  from: Status
  to: Status
  summary?: string
}

/** "It happened again" within 48 h of the resolution: written beside its status.changed. */
export interface IncidentReopened extends EventBase {
  type: 'incident.reopened'
  note: string
}

/** A recurrence after 48 h: one event on each incident, so each points at the other. */
export interface IncidentLinked extends EventBase {
  type: 'incident.linked'
  otherId: string
  otherTitle: string
  relation: 'recurrence-of' | 'recurred-as'
}

export interface SeverityChanged extends EventBase {
  type: 'severity.changed'
  from: number
  to: number
  reason: string
}

export interface LeadSet extends EventBase {
  type: 'lead.set'
  lead: string
  source: 'rota' | 'free'
  /** The handover note, when the lead changes hands. */
  note?: string
}

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

export interface KeyTimeChanged extends EventBase {
  type: 'keytime.changed'
  key: KeyTime
  /** The corrected time (ISO). */
  value: string
  reason: string
}

export type LifecycleEvent =
  StatusChanged | IncidentReopened | IncidentLinked | SeverityChanged | LeadSet | KeyTimeChanged
