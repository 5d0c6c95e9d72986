/**
 * Channel names only, without schemas, so the sandboxed preload stays small. Every name here has
 * an entry in ipc-contract.ts (the contract `satisfies` this list, so they cannot drift).
 */
export const INVOKE_CHANNELS = [
  'state:get',
  'incident:record',
  'incident:get',
  'settings:update',
  'update:post',
  'update:snooze',
  'comms:outputs',
  'comms:copy',
  'comms:check',
  'comms:setP2Url',
  'comms:handoff',
  'dataFolder:get',
  'dataFolder:open',
  'alarm:silence',
  'alarm:reenable',
  'measure:start',
  'measure:undo',
  'measure:keep',
  'party:add',
  'party:update',
  'followup:add',
  'followup:update',
  'runbook:add',
  'runbook:import',
  'runbook:pickFolder',
  'runbook:link',
  'runbook:check',
  'incident:resolveCheck',
  'incident:resolve',
  'incident:move',
  'incident:recur',
  'incident:setSeverity',
  'incident:setLead',
  'incident:setKeyTime',
  'lead:suggest',
  'retro:get',
  'retro:saveDraft',
  'retro:choose',
  'retro:complete',
  'retro:postmortem',
  'retro:copy',
  'retro:export',
  'retro:openActions',
  'retro:actionDone',
] as const
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number]

/** Pushed from main to the renderer. */
export const PUSH_CHANNELS = ['state:changed', 'ui:command'] as const
export type PushChannel = (typeof PUSH_CHANNELS)[number]
