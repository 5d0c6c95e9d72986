import { randomUUID } from 'node:crypto'
import { EVENT_SCHEMA_VERSION } from '../domain/event-schemas'
import type { IncidentEvent } from '../domain/events'
import type { LinkRelation } from '../domain/lifecycle/events'
import { applyEvent, nextSeq, type Incident, type IncidentSummary } from '../domain/incident'
import type { StoreNotice } from './store-notices'

export type IncidentLinks = { id: string; relation: LinkRelation }[]

/** The part of the store the repair needs. */
interface LinkedStore {
  load(id: string): { incident: Incident }
  append(incident: Incident, events: readonly IncidentEvent[]): void
  notify(notice: StoreNotice): void
}

/**
 * A recurrence after 48 h writes two logs: the new incident first (recorded together with its
 * `recurrence-of` link, in one append), then `recurred-as` on the old one. A crash between the two
 * leaves a one-way link; start-up finishes it here. Returns whether anything was written.
 */
export function repairRecurrenceLinks(
  store: LinkedStore,
  index: ReadonlyMap<string, { summary: IncidentSummary; links: IncidentLinks }>,
  now: Date,
): boolean {
  let repaired = false
  for (const [newId, entry] of index) {
    for (const link of entry.links) {
      if (link.relation !== 'recurrence-of') continue
      const old = index.get(link.id)
      if (!old || old.links.some((l) => l.id === newId && l.relation === 'recurred-as')) continue
      const { incident } = store.load(link.id)
      if (incident.readOnly) continue
      const event: IncidentEvent = {
        type: 'incident.linked',
        v: EVENT_SCHEMA_VERSION,
        id: randomUUID(),
        incidentId: link.id,
        seq: nextSeq(incident),
        at: now.toISOString(),
        by: entry.summary.recorder,
        otherId: newId,
        otherTitle: entry.summary.title,
        relation: 'recurred-as',
      }
      store.append(applyEvent(incident, event), [event])
      store.notify({
        kind: 'link-repaired',
        message: `Incident ${newId} was recorded as a recurrence of ${link.id}, but the app stopped before ${link.id} was linked back. The link was completed now.`,
      })
      repaired = true
    }
  }
  return repaired
}
