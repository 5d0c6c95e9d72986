import { stamp, type CommandContext } from '../command'
import { commsChecklist } from '../comms/checklist'
import { checklistInput } from '../comms/from-incident'
import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import { UserError } from '../incident/errors'
import type { RecordIncident } from '../incident/record'
import { allowedLevels, SEVERITY_SCALES, severityLabel } from '../incident/severity'
import type { RotaPerson } from '../settings/rota'
import type { KeyTime, LeadSource, LinkRelation } from './events'
import { checkKeyTime } from './key-times'
import { checkMove, recurrenceOutcome, summaryNeeded } from './lifecycle'
import { assertCanResolve } from './resolve-checklist'
import type { Status } from './status'

type Events = NewEvent[]

/**
 * Open items of the communication checklist also hold up resolving, but only those that still
 * matter: the status tag of a status already left has been replaced on the P2 by a newer one.
 */
export const communicationExtra = (incident: Incident) => ({
  communicationItemsOpen: commsChecklist(checklistInput(incident)).filter(
    (item) => !item.done && !isTagOfStatusLeft(item.id, incident.status),
  ),
})

const isTagOfStatusLeft = (itemId: string, current: Status) =>
  itemId.startsWith('p2-tag-') && itemId !== `p2-tag-${current}`

/**
 * The one way to Resolved: the policy's graph allows the move, a solution summary is given, and
 * nothing is left silenced, undone or uncommunicated, unless the user overrides with a reason,
 * which goes on the timeline. Both "Resolve…" and the status control's move come here.
 */
export function resolve(
  incident: Incident,
  input: { solutionSummary?: string; override?: { reason: string } },
  ctx: CommandContext,
): NewEvent[] {
  const { solutionSummary, override } = input
  checkMove(incident.status, 'resolved')
  // The summary given now counts: only what is still open blocks.
  const outstanding = assertCanResolve(
    { ...incident, solutionSummary: solutionSummary ?? null },
    override,
    communicationExtra(incident),
  )
  const base = { incidentId: incident.id, at: ctx.now.toISOString(), by: ctx.by }
  return [
    ...(outstanding.length && override
      ? [
          {
            ...base,
            id: ctx.eventId(),
            type: 'resolve.overridden' as const,
            reason: override.reason,
            outstanding,
          },
        ]
      : []),
    {
      ...base,
      id: ctx.eventId(),
      type: 'status.changed' as const,
      from: incident.status,
      to: 'resolved' as const,
      summary: solutionSummary!,
    },
  ]
}

/** A move through the status graph; Stabilized and Resolved need their summary. */
export function move(
  incident: Incident,
  input: { to: Status; summary?: string },
  ctx: CommandContext,
): Events {
  const { to, summary } = input
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
  if (to === 'resolved') return resolve(incident, { solutionSummary: summary }, ctx)
  const event = {
    ...stamp(incident, ctx),
    type: 'status.changed' as const,
    from: incident.status,
    to,
  }
  return [summary ? { ...event, summary } : event]
}

/** "It happened again" within 48 hours of the resolution: back to Pending, with the note. */
export function reopen(incident: Incident, input: { note: string }, ctx: CommandContext): Events {
  if (recurrenceOutcome(incident.status, incident.keyTimes.resolvedAt, ctx.now) !== 'reopen') {
    throw new UserError(
      'not-reopenable',
      'More than 48 hours after the resolution: record it anew.',
    )
  }
  const moved = {
    ...stamp(incident, ctx),
    type: 'status.changed' as const,
    from: incident.status,
    to: 'pending' as const,
  }
  return [moved, { ...stamp(incident, ctx), type: 'incident.reopened' as const, note: input.note }]
}

/** After 48 hours a recurrence is a new incident like the old one, linked both ways. */
export function recurrenceRecord(
  old: Incident,
  input: { note: string; title?: string; severity?: number },
  recorder: string,
): RecordIncident {
  return {
    title: input.title ?? old.title,
    observed: input.note,
    severity: input.severity ?? old.severity,
    detection: old.detection,
    area: old.area,
    recorder,
    status: 'pending',
  }
}

/** One side of a recurrence's link: `otherId` is the incident on the other side. */
export function link(
  incident: Incident,
  input: { otherId: string; otherTitle: string; relation: LinkRelation },
  ctx: CommandContext,
): Events {
  return [{ ...stamp(incident, ctx), type: 'incident.linked', ...input }]
}

export function setSeverity(
  incident: Incident,
  input: { severity: number; reason: string },
  ctx: CommandContext,
): Events {
  const { severity, reason } = input
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
  return [
    {
      ...stamp(incident, ctx),
      type: 'severity.changed',
      from: incident.severity,
      to: severity,
      reason,
    },
  ]
}

export function setLead(
  incident: Incident,
  input: {
    lead: { kind: LeadSource; name: string }
    note?: string
    rota: readonly Pick<RotaPerson, 'name'>[]
  },
  ctx: CommandContext,
): Events {
  const { lead, note, rota } = input
  let name = lead.name
  if (lead.kind === 'rota') {
    const person = rota.find((p) => p.name.toLowerCase() === lead.name.toLowerCase())
    if (!person) {
      throw new UserError(
        'not-in-rota',
        `${lead.name} is not on the rota${rota.length ? ` (${rota.map((p) => p.name).join(', ')})` : ', which is empty'}. Pick someone from it, or type the name as someone not on the rota.`,
      )
    }
    name = person.name
  }
  if (incident.lead === name) {
    throw new UserError('same-lead', `${name} already leads this incident.`)
  }
  const event = {
    ...stamp(incident, ctx),
    type: 'lead.set' as const,
    lead: name,
    source: lead.kind,
  }
  return [note ? { ...event, note } : event]
}

export function setKeyTime(
  incident: Incident,
  input: { key: KeyTime; at: string; reason: string },
  ctx: CommandContext,
): Events {
  const { key, at, reason } = input
  const value = new Date(at)
  checkKeyTime(incident.keyTimes, key, value, ctx.now)
  return [
    { ...stamp(incident, ctx), type: 'keytime.changed', key, value: value.toISOString(), reason },
  ]
}
