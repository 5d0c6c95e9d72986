import { stamp, type CommandContext } from '../command'
import type { EventBase, NewEvent } from '../events'
import type { Incident } from '../incident'
import { UserError } from '../incident/errors'
import type { Runbook } from '../settings/runbooks'
import type { FollowupAdded, MeasureStarted, MitigationEvent, PartyContacted } from './events'
import { isSilenced } from './mitigation'

/** What the user gives for an event: its own fields, without the stamp and the new item's id. */
type Fields<E extends MitigationEvent, Id extends keyof E = never> = Omit<
  E,
  keyof EventBase | 'type' | Id
>

/** An event without its stamp, each member of the union keeping its own fields. */
type Body<E> = E extends MitigationEvent ? Omit<E, keyof EventBase> : never

/** The event's fields first, then the stamp (one line's key order on disk, as before). */
function event(incident: Incident, body: Body<MitigationEvent>, ctx: CommandContext): NewEvent[] {
  return [{ ...body, ...stamp(incident, ctx) } as NewEvent]
}

/** The fields given: a change names only what changes. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>
}

function alarm(incident: Incident, alarmId: string) {
  const found = incident.alarms.find((a) => a.id === alarmId)
  if (!found) throw new UserError('not-found', 'That alarm is not in this incident’s register.')
  return found
}

function measure(incident: Incident, measureId: string) {
  const found = incident.measures.find((m) => m.id === measureId)
  if (!found) throw new UserError('not-found', 'That measure is not in this incident’s register.')
  return found
}

export function silenceAlarm(
  incident: Incident,
  input: { name: string; link?: string },
  ctx: CommandContext,
): NewEvent[] {
  const { name, link } = input
  const already = incident.alarms.find(
    (a) => isSilenced(a) && a.name.toLowerCase() === name.toLowerCase(),
  )
  if (already) {
    throw new UserError(
      'already-silenced',
      `“${already.name}” is already in the register as silenced.`,
    )
  }
  const alarmId = ctx.eventId()
  return event(incident, { type: 'alarm.silenced', alarmId, name, link: link ?? null }, ctx)
}

export function reenableAlarm(
  incident: Incident,
  input: { alarmId: string },
  ctx: CommandContext,
): NewEvent[] {
  const found = alarm(incident, input.alarmId)
  if (!isSilenced(found)) {
    throw new UserError('already-reenabled', `“${found.name}” was already re-enabled.`)
  }
  return event(incident, { type: 'alarm.reenabled', alarmId: input.alarmId }, ctx)
}

export function startMeasure(
  incident: Incident,
  input: Fields<MeasureStarted, 'measureId'>,
  ctx: CommandContext,
): NewEvent[] {
  const { kind, what, undoPlan, backupConfirmed } = input
  const measureId = ctx.eventId()
  return event(
    incident,
    { type: 'measure.started', measureId, kind, what, undoPlan, backupConfirmed },
    ctx,
  )
}

export function undoMeasure(
  incident: Incident,
  input: { measureId: string; note: string; full: boolean },
  ctx: CommandContext,
): NewEvent[] {
  const { measureId, note, full } = input
  const found = measure(incident, measureId)
  if (found.undoneAt) throw new UserError('already-undone', `“${found.what}” is already undone.`)
  return event(incident, { type: 'measure.undone', measureId, note, full }, ctx)
}

export function keepMeasure(
  incident: Incident,
  input: { measureId: string; reason: string },
  ctx: CommandContext,
): NewEvent[] {
  const { measureId, reason } = input
  const found = measure(incident, measureId)
  if (found.undoneAt) {
    throw new UserError('already-undone', `“${found.what}” is already undone; nothing to keep.`)
  }
  return event(incident, { type: 'measure.kept', measureId, reason }, ctx)
}

export function addParty(
  incident: Incident,
  input: Fields<PartyContacted, 'partyId'>,
  ctx: CommandContext,
): NewEvent[] {
  const { who, channel, reference } = input
  const partyId = ctx.eventId()
  return event(incident, { type: 'party.contacted', partyId, who, channel, reference }, ctx)
}

export function updateParty(
  incident: Incident,
  input: { partyId: string; reference?: string; answer?: string },
  ctx: CommandContext,
): NewEvent[] {
  const { partyId, reference, answer } = input
  if (!incident.parties.some((p) => p.id === partyId)) {
    throw new UserError('not-found', 'That third party is not in this incident’s register.')
  }
  return event(
    incident,
    {
      type: 'party.updated',
      partyId,
      ...definedOnly({ reference, answer }),
    },
    ctx,
  )
}

export function addFollowup(
  incident: Incident,
  input: Omit<Fields<FollowupAdded, 'followupId'>, 'url'> & { url?: string },
  ctx: CommandContext,
): NewEvent[] {
  const { title, url, critical } = input
  const followupId = ctx.eventId()
  return event(
    incident,
    { type: 'followup.added', followupId, title, url: url ?? null, critical },
    ctx,
  )
}

export function updateFollowup(
  incident: Incident,
  input: { followupId: string; done?: boolean; critical?: boolean },
  ctx: CommandContext,
): NewEvent[] {
  const { followupId, done, critical } = input
  if (!incident.followups.some((f) => f.id === followupId)) {
    throw new UserError('not-found', 'That follow-up is not in this incident’s register.')
  }
  return event(
    incident,
    {
      type: 'followup.updated',
      followupId,
      ...definedOnly({ done, critical }),
    },
    ctx,
  )
}

/** Links a runbook from the library (the host looks it up in settings; null when it is gone). */
export function linkRunbook(
  incident: Incident,
  input: { runbook: Runbook | undefined },
  ctx: CommandContext,
): NewEvent[] {
  const { runbook } = input
  if (!runbook) {
    throw new UserError(
      'not-found',
      'That runbook is no longer in the library; add or import it again.',
    )
  }
  return [
    {
      ...stamp(incident, ctx),
      type: 'runbook.linked',
      runbookId: runbook.id,
      title: runbook.title,
      url: runbook.url ?? null,
      steps: runbook.firstSteps,
    },
  ]
}

export function checkRunbookStep(
  incident: Incident,
  input: { step: number; done: boolean },
  ctx: CommandContext,
): NewEvent[] {
  const { step, done } = input
  const linked = incident.runbook
  if (!linked) throw new UserError('no-runbook', 'Link a runbook to this incident first.')
  if (!linked.steps[step]) throw new UserError('not-found', `The runbook has no step ${step + 1}.`)
  return [{ ...stamp(incident, ctx), type: 'runbook.step-checked', step, done }]
}
