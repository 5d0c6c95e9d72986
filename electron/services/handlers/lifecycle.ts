import { UserError } from '../../domain/incident/errors'
import type { NewEvent } from '../../domain/events'
import { checkKeyTime } from '../../domain/lifecycle/key-times'
import { suggestLeads } from '../../domain/lifecycle/lead-suggestion'
import { checkMove, recurrenceOutcome, summaryNeeded } from '../../domain/lifecycle/lifecycle'
import type { LifecycleEvent } from '../../domain/lifecycle/events'
import { allowedLevels, SEVERITY_SCALES, severityLabel } from '../../domain/incident/severity'
import { actor, eventStamp, type FeatureHandlers, type HostContext } from '../context'
import { resolveIncident } from './resolve'

type Channels =
  | 'incident:move'
  | 'incident:recur'
  | 'incident:setSeverity'
  | 'incident:setLead'
  | 'incident:setKeyTime'
  | 'lead:suggest'

/** Status moves, "It happened again", severity, lead and key times: each an event on the log. */
export function lifecycleHandlers(ctx: HostContext): FeatureHandlers<Channels> {
  const commit = (id: string, events: NewEvent<LifecycleEvent>[]) => {
    ctx.incidents.commit(id, events)
    ctx.changed()
    return ctx.incidents.summary(id)
  }
  return {
    'incident:move': ({ id, to, summary }) => {
      const incident = ctx.incidents.get(id)
      checkMove(incident.status, to)
      const needed = summaryNeeded(to)
      if (needed && !summary) {
        throw new UserError(
          'summary-required',
          needed === 'mitigation'
            ? 'Summarize the mitigation before moving to Stabilized: what stopped the disruption?'
            : 'Summarize the solution before moving to Resolved: what was fixed so it won’t recur?',
        )
      }
      if (to === 'resolved') {
        resolveIncident(ctx, id, summary)
        return ctx.incidents.summary(id)
      }
      const event = {
        ...eventStamp(ctx, id),
        type: 'status.changed' as const,
        from: incident.status,
        to,
      }
      return commit(id, [summary ? { ...event, summary } : event])
    },
    'incident:recur': ({ id, note, title, severity }) => {
      const old = ctx.incidents.get(id)
      const outcome = recurrenceOutcome(old.status, old.keyTimes.resolvedAt, ctx.now())
      if (outcome === 'reopen') {
        const moved = {
          ...eventStamp(ctx, id),
          type: 'status.changed' as const,
          from: old.status,
          to: 'pending' as const,
        }
        const reopened = { ...eventStamp(ctx, id), type: 'incident.reopened' as const, note }
        return { outcome: 'reopened', incident: commit(id, [moved, reopened]) }
      }
      // More than 48 h after the resolution the policy wants a new incident, linked both ways.
      // The new one is written whole with its link first; if the app stops before the old one is
      // linked back, start-up finishes the pair (electron/store/link-repair.ts).
      if (old.readOnly) throw new UserError('read-only', old.readOnly)
      const created = ctx.incidents.record(
        {
          title: title ?? old.title,
          observed: note,
          severity: severity ?? old.severity,
          detection: old.detection,
          area: old.area,
          recorder: actor(ctx),
          status: 'pending',
        },
        old.scale,
        (createdId) => [
          {
            ...eventStamp(ctx, createdId),
            type: 'incident.linked',
            otherId: old.id,
            otherTitle: old.title,
            relation: 'recurrence-of',
          },
        ],
      )
      commit(id, [
        {
          ...eventStamp(ctx, id),
          type: 'incident.linked',
          otherId: created.id,
          otherTitle: created.title,
          relation: 'recurred-as',
        },
      ])
      return { outcome: 'new-incident', incident: ctx.incidents.summary(created.id) }
    },
    'incident:setSeverity': ({ id, severity, reason }) => {
      const incident = ctx.incidents.get(id)
      const levels = allowedLevels(incident.scale)
      if (!levels.includes(severity)) {
        throw new UserError(
          'invalid-severity',
          `Severity ${severity} is not on the ${SEVERITY_SCALES[incident.scale].name} scale; choose one of ${levels.join(', ')}.`,
        )
      }
      if (severity === incident.severity) {
        throw new UserError(
          'same-severity',
          `The incident is already ${severityLabel(incident.scale, severity)}.`,
        )
      }
      return commit(id, [
        {
          ...eventStamp(ctx, id),
          type: 'severity.changed',
          from: incident.severity,
          to: severity,
          reason,
        },
      ])
    },
    'incident:setLead': ({ id, lead, note }) => {
      const incident = ctx.incidents.get(id)
      let name = lead.name
      if (lead.kind === 'rota') {
        const { people } = ctx.settings.get().rota
        const person = people.find((p) => p.name.toLowerCase() === lead.name.toLowerCase())
        if (!person) {
          throw new UserError(
            'not-in-rota',
            `${lead.name} is not on the rota${people.length ? ` (${people.map((p) => p.name).join(', ')})` : ', which is empty'}. Pick someone from it, or type the name as someone not on the rota.`,
          )
        }
        name = person.name
      }
      if (incident.lead === name) {
        throw new UserError('same-lead', `${name} already leads this incident.`)
      }
      const event = {
        ...eventStamp(ctx, id),
        type: 'lead.set' as const,
        lead: name,
        source: lead.kind,
      }
      return commit(id, [note ? { ...event, note } : event])
    },
    'incident:setKeyTime': ({ id, key, at, reason }) => {
      const incident = ctx.incidents.get(id)
      const value = new Date(at)
      checkKeyTime(incident.keyTimes, key, value, ctx.now())
      return commit(id, [
        {
          ...eventStamp(ctx, id),
          type: 'keytime.changed',
          key,
          value: value.toISOString(),
          reason,
        },
      ])
    },
    'lead:suggest': ({ id }) => {
      const incident = ctx.incidents.get(id)
      const others = ctx.incidents.list().filter((i) => i.id !== id)
      return suggestLeads(ctx.settings.get().rota, others, incident.area, ctx.now())
    },
  }
}
