import * as mitigation from '../../domain/mitigation/commands'
import type { FeatureHandlers, HostContext } from '../context'

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

/** Silenced alarms, temporary measures, third parties and follow-ups: each a domain command. */
export function mitigationHandlers({ incidents }: HostContext): FeatureHandlers<Registers> {
  return {
    'alarm:silence': ({ id, ...input }) => incidents.execute(id, mitigation.silenceAlarm, input),
    'alarm:reenable': ({ id, ...input }) => incidents.execute(id, mitigation.reenableAlarm, input),
    'measure:start': ({ id, ...input }) => incidents.execute(id, mitigation.startMeasure, input),
    'measure:undo': ({ id, ...input }) => incidents.execute(id, mitigation.undoMeasure, input),
    'measure:keep': ({ id, ...input }) => incidents.execute(id, mitigation.keepMeasure, input),
    'party:add': ({ id, ...input }) => incidents.execute(id, mitigation.addParty, input),
    'party:update': ({ id, ...input }) => incidents.execute(id, mitigation.updateParty, input),
    'followup:add': ({ id, ...input }) => incidents.execute(id, mitigation.addFollowup, input),
    'followup:update': ({ id, ...input }) =>
      incidents.execute(id, mitigation.updateFollowup, input),
  }
}
