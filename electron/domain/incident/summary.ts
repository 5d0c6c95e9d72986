import type { Incident } from '../incident'
import type { CadenceChoice } from '../comms/update-events'
import { NO_PUBLISHING } from '../comms/publishing'
import { isActive, type Status } from '../lifecycle/status'
import { resolvedAt } from '../lifecycle/times'
import { isSilenced } from '../mitigation/mitigation'
import { isRetroDue, retroFacts } from '../retro/due'
import { openActionCount } from '../retro/open-actions'
import type { SeverityScaleId } from './severity'

/** What lists, the tray and the scheduler need, without the timeline. */
export interface IncidentSummary {
  id: string
  title: string
  severity: number
  scale: SeverityScaleId
  status: Status
  active: boolean
  recorder: string
  lead: string | null
  area: string
  recordedAt: string
  updatedAt: string
  lastUpdateAt: string | null
  snoozedUntil: string | null
  /** The lead's cadence choice after Stabilized (absent in older cached summaries). */
  cadenceChoice?: CadenceChoice
  /** Alarms still silenced, for the reminder; absent in summaries cached before the registers. */
  silencedAlarms?: { id: string; name: string; silencedAt: string }[]
  /** Publishes waiting in the outbox (absent in summaries cached before publishing). */
  publishWaiting?: number
  /** When it was last resolved; null while active (absent in summaries cached before resolving existed). */
  resolvedAt?: string | null
  /** Optional: summaries cached in index.json before the retro existed lack them. */
  retroDue?: boolean
  openActionItems?: number
}

export function summarize(incident: Incident): IncidentSummary {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    scale: incident.scale,
    status: incident.status,
    active: isActive(incident.status),
    recorder: incident.recorder,
    lead: incident.lead,
    area: incident.area,
    recordedAt: incident.recordedAt,
    updatedAt: incident.updatedAt,
    lastUpdateAt: incident.lastUpdateAt,
    snoozedUntil: incident.snoozedUntil,
    cadenceChoice: incident.cadenceChoice,
    silencedAlarms: incident.alarms
      .filter(isSilenced)
      .map((a) => ({ id: a.id, name: a.name, silencedAt: a.silencedAt })),
    resolvedAt: resolvedAt(incident),
    retroDue: isRetroDue(incident, retroFacts(incident)),
    openActionItems: openActionCount(incident.retro),
    publishWaiting: (incident.publishing ?? NO_PUBLISHING).outbox.length,
  }
}
