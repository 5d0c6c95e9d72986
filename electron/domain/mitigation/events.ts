import type { EventBase } from '../events'

/** Temporary measures (issue 7, seed 004 "document temporary measures for later cleanup"). */
export const MEASURE_KINDS = [
  'rollback',
  'flag-off',
  'throttle',
  'scale',
  'restart',
  'other',
] as const
export type MeasureKind = (typeof MEASURE_KINDS)[number]

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  rollback: 'Rollback',
  'flag-off': 'Feature flag off',
  throttle: 'Traffic throttled or blocked',
  scale: 'Resources scaled',
  restart: 'Service restarted',
  other: 'Other',
}

export interface AlarmSilenced extends EventBase {
  type: 'alarm.silenced'
  alarmId: string
  name: string
  link: string | null
}

export interface AlarmReenabled extends EventBase {
  type: 'alarm.reenabled'
  alarmId: string
}

export interface MeasureStarted extends EventBase {
  type: 'measure.started'
  measureId: string
  kind: MeasureKind
  what: string
  undoPlan: string
  /** For destructive kinds: the user said a backup or screenshot exists. */
  backupConfirmed: boolean
}

/** Undoing can be partial: "re-enabled for 10% of traffic". */
export interface MeasureUndone extends EventBase {
  type: 'measure.undone'
  measureId: string
  note: string
  full: boolean
}

/** Consciously kept past resolution, with the reason. */
export interface MeasureKept extends EventBase {
  type: 'measure.kept'
  measureId: string
  reason: string
}

export interface PartyContacted extends EventBase {
  type: 'party.contacted'
  partyId: string
  who: string
  channel: string
  reference: string
}

export interface PartyUpdated extends EventBase {
  type: 'party.updated'
  partyId: string
  reference?: string
  answer?: string
}

export interface FollowupAdded extends EventBase {
  type: 'followup.added'
  followupId: string
  title: string
  url: string | null
  critical: boolean
}

export interface FollowupUpdated extends EventBase {
  type: 'followup.updated'
  followupId: string
  done?: boolean
  critical?: boolean
}

/** The runbook's first steps are copied in, so the incident's log stays self-contained. */
export interface RunbookLinked extends EventBase {
  type: 'runbook.linked'
  runbookId: string
  title: string
  url: string | null
  steps: string[]
}

export interface RunbookStepChecked extends EventBase {
  type: 'runbook.step-checked'
  step: number
  done: boolean
}

export type MitigationEvent =
  | AlarmSilenced
  | AlarmReenabled
  | MeasureStarted
  | MeasureUndone
  | MeasureKept
  | PartyContacted
  | PartyUpdated
  | FollowupAdded
  | FollowupUpdated
  | RunbookLinked
  | RunbookStepChecked
