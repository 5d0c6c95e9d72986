import { MEASURE_KIND_LABELS, type MeasureKind } from './events'

export interface SilencedAlarm {
  id: string
  name: string
  link: string | null
  silencedAt: string
  silencedBy: string
  reenabledAt: string | null
  reenabledBy: string | null
}

export interface MeasureUndo {
  at: string
  by: string
  note: string
  full: boolean
}

export interface Measure {
  id: string
  kind: MeasureKind
  what: string
  undoPlan: string
  backupConfirmed: boolean
  startedAt: string
  startedBy: string
  /** Partial undos first, the full one last. */
  undos: MeasureUndo[]
  undoneAt: string | null
  keptReason: string | null
}

export interface ThirdParty {
  id: string
  who: string
  channel: string
  contactedAt: string
  contactedBy: string
  reference: string
  answer: string
}

export interface Followup {
  id: string
  title: string
  url: string | null
  critical: boolean
  done: boolean
  addedAt: string
}

export interface LinkedRunbook {
  id: string
  title: string
  url: string | null
  steps: { text: string; done: boolean }[]
}

/** The registers an incident carries: silenced alarms, measures, third parties, follow-ups. */
export interface Mitigation {
  alarms: SilencedAlarm[]
  measures: Measure[]
  parties: ThirdParty[]
  followups: Followup[]
  runbook: LinkedRunbook | null
}

export const EMPTY_MITIGATION: Mitigation = {
  alarms: [],
  measures: [],
  parties: [],
  followups: [],
  runbook: null,
}

export function isSilenced(alarm: SilencedAlarm): boolean {
  return alarm.reenabledAt === null
}

/** Neither fully undone nor consciously kept. */
export function isOutstanding(measure: Measure): boolean {
  return measure.undoneAt === null && measure.keptReason === null
}

export function measureLabel(measure: Pick<Measure, 'kind' | 'what'>): string {
  return `${MEASURE_KIND_LABELS[measure.kind].toLowerCase()}: ${measure.what}`
}
