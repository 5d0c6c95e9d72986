import { UserError } from '../../domain/incident/errors'
import type { NewEvent } from '../../domain/events'
import type { Incident } from '../../domain/incident'
import { isSilenced } from '../../domain/mitigation/mitigation'
import type { MitigationEvent } from '../../domain/mitigation/events'
import { eventStamp, type FeatureHandlers, type HostContext } from '../context'

type Registers =
  | 'alarm:silence'
  | 'alarm:reenable'
  | 'measure:start'
  | 'measure:undo'
  | 'measure:keep'
  | 'party:add'
  | 'party:update'
  | 'followup:add'
  | 'followup:update'

/** Distributes `Omit` over the union, so each event keeps its own fields. */
type Body<E> = E extends MitigationEvent
  ? Omit<E, keyof NewEvent | 'seq'> & { type: E['type'] }
  : never

/** Silenced alarms, temporary measures, third parties and follow-ups: each change is an event. */
export function mitigationHandlers(ctx: HostContext): FeatureHandlers<Registers> {
  const commit = (id: string, body: Body<MitigationEvent>): Incident => {
    const event = {
      ...body,
      ...eventStamp(ctx, id),
    } as NewEvent
    const incident = ctx.incidents.commit(id, [event])
    ctx.changed()
    return incident
  }
  const newId = () => ctx.incidents.eventId()
  const alarm = (id: string, alarmId: string) => {
    const found = ctx.incidents.get(id).alarms.find((a) => a.id === alarmId)
    if (!found) throw new UserError('not-found', 'That alarm is not in this incident’s register.')
    return found
  }
  const measure = (id: string, measureId: string) => {
    const found = ctx.incidents.get(id).measures.find((m) => m.id === measureId)
    if (!found) throw new UserError('not-found', 'That measure is not in this incident’s register.')
    return found
  }
  return {
    'alarm:silence': ({ id, name, link }) => {
      const already = ctx.incidents
        .get(id)
        .alarms.find((a) => isSilenced(a) && a.name.toLowerCase() === name.toLowerCase())
      if (already) {
        throw new UserError(
          'already-silenced',
          `“${already.name}” is already in the register as silenced.`,
        )
      }
      return commit(id, { type: 'alarm.silenced', alarmId: newId(), name, link: link ?? null })
    },
    'alarm:reenable': ({ id, alarmId }) => {
      const found = alarm(id, alarmId)
      if (!isSilenced(found)) {
        throw new UserError('already-reenabled', `“${found.name}” was already re-enabled.`)
      }
      return commit(id, { type: 'alarm.reenabled', alarmId })
    },
    'measure:start': ({ id, kind, what, undoPlan, backupConfirmed }) =>
      commit(id, {
        type: 'measure.started',
        measureId: newId(),
        kind,
        what,
        undoPlan,
        backupConfirmed,
      }),
    'measure:undo': ({ id, measureId, note, full }) => {
      const found = measure(id, measureId)
      if (found.undoneAt)
        throw new UserError('already-undone', `“${found.what}” is already undone.`)
      return commit(id, { type: 'measure.undone', measureId, note, full })
    },
    'measure:keep': ({ id, measureId, reason }) => {
      const found = measure(id, measureId)
      if (found.undoneAt) {
        throw new UserError('already-undone', `“${found.what}” is already undone; nothing to keep.`)
      }
      return commit(id, { type: 'measure.kept', measureId, reason })
    },
    'party:add': ({ id, who, channel, reference }) =>
      commit(id, { type: 'party.contacted', partyId: newId(), who, channel, reference }),
    'party:update': ({ id, partyId, reference, answer }) => {
      if (!ctx.incidents.get(id).parties.some((p) => p.id === partyId)) {
        throw new UserError('not-found', 'That third party is not in this incident’s register.')
      }
      return commit(id, {
        type: 'party.updated',
        partyId,
        ...(reference !== undefined && { reference }),
        ...(answer !== undefined && { answer }),
      })
    },
    'followup:add': ({ id, title, url, critical }) =>
      commit(id, {
        type: 'followup.added',
        followupId: newId(),
        title,
        url: url ?? null,
        critical,
      }),
    'followup:update': ({ id, followupId, done, critical }) => {
      if (!ctx.incidents.get(id).followups.some((f) => f.id === followupId)) {
        throw new UserError('not-found', 'That follow-up is not in this incident’s register.')
      }
      return commit(id, {
        type: 'followup.updated',
        followupId,
        ...(done !== undefined && { done }),
        ...(critical !== undefined && { critical }),
      })
    },
  }
}
