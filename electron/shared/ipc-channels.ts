/**
 * Channel names only, without schemas, so the sandboxed preload stays small. Every name here has
 * an entry in ipc-contract.ts (the contract `satisfies` this list, so they cannot drift).
 */
export const INVOKE_CHANNELS = [
  'state:get',
  'incident:record',
  'incident:get',
  'settings:update',
  'timeline:add',
  'timeline:edit',
  'timeline:delete',
  'timeline:restore',
  'timeline:unmask',
  'attachment:add',
  'attachment:get',
  'capture:sources',
  'capture:take',
  'quicknote:target',
  'quicknote:context',
  'quicknote:add',
] as const
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number]

/** Pushed from main to the renderer. */
export const PUSH_CHANNELS = ['state:changed', 'ui:command'] as const
export type PushChannel = (typeof PUSH_CHANNELS)[number]
