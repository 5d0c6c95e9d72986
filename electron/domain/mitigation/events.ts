import { z } from 'zod'
import { defineEvents, link, text, type EventOf, type EventsOf } from '../event-base'

/** Temporary measures (seed 004 "document temporary measures for later cleanup"). */
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

export const MITIGATION_EVENTS = defineEvents({
  'alarm.silenced': { alarmId: text, name: text, link: link.nullable() },
  'alarm.reenabled': { alarmId: text },
  'measure.started': {
    measureId: text,
    kind: z.enum(MEASURE_KINDS),
    what: text,
    undoPlan: text,
    /** For destructive kinds: the user said a backup or screenshot exists. */
    backupConfirmed: z.boolean(),
  },
  /** Undoing can be partial: "re-enabled for 10% of traffic". */
  'measure.undone': { measureId: text, note: text, full: z.boolean() },
  /** Consciously kept past resolution, with the reason. */
  'measure.kept': { measureId: text, reason: text },
  'party.contacted': { partyId: text, who: text, channel: text, reference: text },
  'party.updated': { partyId: text, reference: text.optional(), answer: text.optional() },
  'followup.added': { followupId: text, title: text, url: link.nullable(), critical: z.boolean() },
  'followup.updated': {
    followupId: text,
    done: z.boolean().optional(),
    critical: z.boolean().optional(),
  },
  /** The runbook's first steps are copied in, so the incident's log stays self-contained. */
  'runbook.linked': { runbookId: text, title: text, url: link.nullable(), steps: z.array(text) },
  'runbook.step-checked': { step: z.number().int(), done: z.boolean() },
})

export type AlarmSilenced = EventOf<(typeof MITIGATION_EVENTS)['alarm.silenced']>
export type AlarmReenabled = EventOf<(typeof MITIGATION_EVENTS)['alarm.reenabled']>
export type MeasureStarted = EventOf<(typeof MITIGATION_EVENTS)['measure.started']>
export type MeasureUndone = EventOf<(typeof MITIGATION_EVENTS)['measure.undone']>
export type MeasureKept = EventOf<(typeof MITIGATION_EVENTS)['measure.kept']>
export type PartyContacted = EventOf<(typeof MITIGATION_EVENTS)['party.contacted']>
export type PartyUpdated = EventOf<(typeof MITIGATION_EVENTS)['party.updated']>
export type FollowupAdded = EventOf<(typeof MITIGATION_EVENTS)['followup.added']>
export type FollowupUpdated = EventOf<(typeof MITIGATION_EVENTS)['followup.updated']>
export type RunbookLinked = EventOf<(typeof MITIGATION_EVENTS)['runbook.linked']>
export type RunbookStepChecked = EventOf<(typeof MITIGATION_EVENTS)['runbook.step-checked']>
export type MitigationEvent = EventsOf<typeof MITIGATION_EVENTS>
