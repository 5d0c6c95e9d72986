import { z } from 'zod'
import type { Incident, IncidentSummary } from '../domain/incident'
import { RecordIncidentInput } from '../domain/record'
import { SettingsPatch, type Settings } from '../domain/settings'
import type { InvokeChannel, PushChannel } from './ipc-channels'
import { TimelineContract } from './timeline-contract'

export const IncidentId = z
  .string({ error: 'An incident id is required.' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/, 'That is not an incident id.')

/** The host's state as the renderer mirrors it. */
export interface Snapshot {
  incidents: IncidentSummary[]
  settings: Settings
  /** Things the user must hear about once (a repaired log, a rebuilt index). */
  notices: { id: string; message: string }[]
}

/** What main asks the renderer to show (from the tray, a shortcut, a notification). */
export type UiCommand = { kind: 'record' } | { kind: 'open-incident'; id: string }

interface Spec<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type only. */
  output?: O
}
const spec = <O>() => ({
  of: <I extends z.ZodType>(input: I): Spec<I, O> => ({ input }),
})

const NoInput = z.undefined({ error: 'This call takes no input.' })

export const contract = {
  'state:get': spec<Snapshot>().of(NoInput),
  'incident:record': spec<IncidentSummary>().of(RecordIncidentInput),
  'incident:get': spec<Incident>().of(z.object({ id: IncidentId }).strict()),
  'settings:update': spec<Settings>().of(SettingsPatch),
  ...TimelineContract,
} satisfies Record<InvokeChannel, Spec<z.ZodType, unknown>>

export type Contract = typeof contract
export type ChannelInput<C extends InvokeChannel> = z.input<Contract[C]['input']>
export type ChannelParsed<C extends InvokeChannel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends InvokeChannel> = NonNullable<Contract[C]['output']>

export interface PushPayloads {
  'state:changed': Snapshot
  'ui:command': UiCommand
}
export type PushPayload<C extends PushChannel> = PushPayloads[C]
