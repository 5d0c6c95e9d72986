import type { Incident } from '../incident'
import { lifecycleItem } from '../timeline/lifecycle-item'
import type { ResolveEvent } from './resolve-events'
import { KEY_TIME_LABELS, type LeadSet, type LifecycleEvent, type StatusChanged } from './events'
import { severityLabel } from '../incident/severity'
import { STATUS_LABELS } from './status'

/** How status, resolve, severity, lead and key-time events change an incident. */
export function reduceLifecycle(next: Incident, event: LifecycleEvent | ResolveEvent): Incident {
  switch (event.type) {
    case 'status.changed':
      return statusChanged(next, event)
    case 'incident.reopened':
      return {
        ...next,
        timeline: next.timeline.append({
          ...lifecycleItem(event, `It happened again (${event.by}): ${event.note}`),
          publicText: `It happened again: ${event.note}`,
        }),
      }
    case 'incident.linked': {
      const text =
        event.relation === 'recurrence-of'
          ? `Recurrence of ${event.otherId} “${event.otherTitle}”`
          : `It happened again more than 48 h after resolution: recorded as ${event.otherId} “${event.otherTitle}”`
      return {
        ...next,
        links: [
          ...next.links,
          { id: event.otherId, title: event.otherTitle, relation: event.relation },
        ],
        timeline: next.timeline.append(lifecycleItem(event, text)),
      }
    }
    case 'severity.changed':
      return {
        ...next,
        severity: event.to,
        severityHistory: [
          ...next.severityHistory,
          { from: event.from, to: event.to, at: event.at, by: event.by, reason: event.reason },
        ],
        timeline: next.timeline.append(severityItem(next, event)),
      }
    case 'lead.set':
      return leadSet(next, event)
    case 'keytime.changed':
      return {
        ...next,
        keyTimes: { ...next.keyTimes, [event.key]: event.value },
        timeline: next.timeline.append({
          ...lifecycleItem(
            event,
            `${KEY_TIME_LABELS[event.key]} time set to ${event.value} (${event.by}): ${event.reason}`,
          ),
          internal: true,
        }),
      }
    case 'resolve.overridden':
      return {
        ...next,
        timeline: next.timeline.append(
          lifecycleItem(event, overrideLine(event.outstanding.length, event.reason), {
            internal: true,
          }),
        ),
      }
    default: {
      const unknown: never = event
      throw new Error(`Lifecycle event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}

/** A move: the status, its history, key times and summaries, and the line on the timeline. */
function statusChanged(next: Incident, event: StatusChanged): Incident {
  const keyTimes = { ...next.keyTimes }
  if (event.to === 'stabilized') keyTimes.stabilizedAt = event.at
  if (event.to === 'resolved') keyTimes.resolvedAt = event.at
  const summary = event.summary ? `: ${event.summary}` : ''
  const move = `Status: ${STATUS_LABELS[event.from]} → ${STATUS_LABELS[event.to]}`
  return {
    ...next,
    status: event.to,
    statusHistory: [
      ...next.statusHistory,
      { status: event.to, at: event.at, summary: event.summary ?? null },
    ],
    keyTimes,
    mitigationSummary: event.to === 'stabilized' ? (event.summary ?? null) : next.mitigationSummary,
    solutionSummary: event.to === 'resolved' ? (event.summary ?? null) : next.solutionSummary,
    timeline: next.timeline.append({
      ...lifecycleItem(event, `${move} (${event.by})${summary}`),
      // Public texts name the people the policy names (recorder, lead), never who moved it.
      publicText: `${move}${summary}`,
      statusMove: { from: event.from, to: event.to, summary: event.summary ?? null },
    }),
  }
}

/** A severity change: on screen with who changed it, in outputs without. */
function severityItem(
  next: Incident,
  event: Extract<LifecycleEvent, { type: 'severity.changed' }>,
) {
  const change = `Severity: ${severityLabel(next.scale, event.from)} → ${severityLabel(next.scale, event.to)}`
  return {
    ...lifecycleItem(event, `${change} (${event.by}): ${event.reason}`),
    publicText: `${change}: ${event.reason}`,
  }
}

/** A new lead, with the handover note; internal on the timeline. */
function leadSet(next: Incident, event: LeadSet): Incident {
  const previous = next.lead ? ` (was ${next.lead})` : ''
  const note = event.note ? `. Handover: ${event.note}` : ''
  return {
    ...next,
    lead: event.lead,
    leadHistory: [
      ...next.leadHistory,
      { lead: event.lead, at: event.at, by: event.by, note: event.note ?? null },
    ],
    timeline: next.timeline.append(
      lifecycleItem(event, `Lead: ${event.lead}${previous}, set by ${event.by}${note}`, {
        internal: true,
      }),
    ),
  }
}

/**
 * One line and the reason: the items themselves stay in the event for the audit trail, and were
 * on screen in the resolve dialog when the user chose to override.
 */
function overrideLine(open: number, reason: string): string {
  return `Resolved anyway with ${open} item${open === 1 ? '' : 's'} still open. Reason: ${reason}`
}
