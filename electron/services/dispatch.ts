import type { z } from 'zod'
import { UserError } from '../domain/incident/errors'
import { INVOKE_CHANNELS, type InvokeChannel } from '../shared/ipc-channels'
import { contract, type ChannelOutput, type ChannelParsed } from '../shared/ipc-contract'
import { fail, ok, type Result } from '../shared/result'

export type Handlers = {
  [C in InvokeChannel]: (input: ChannelParsed<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>
}

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>

/**
 * The one way into the host: checks the channel, validates the payload against the contract, runs
 * the handler, and turns every failure into a Result with a message a person can act on.
 */
export function createDispatcher(handlers: Handlers, log: (err: unknown) => void): Dispatch {
  return async (channel, payload) => {
    if (!isInvokeChannel(channel)) return fail('unknown-channel', `Unknown request: ${channel}`)
    const parsed = contract[channel].input.safeParse(payload)
    if (!parsed.success) return fail('invalid-input', describeIssues(parsed.error))
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      return ok(await handler(parsed.data))
    } catch (err) {
      if (err instanceof UserError) return fail(err.code, err.message)
      log(err)
      return fail('internal', `Something went wrong and nothing was changed: ${String(err)}`)
    }
  }
}

function isInvokeChannel(channel: string): channel is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(channel)
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.map(String).join('.')
      if (issue.code === 'unrecognized_keys') {
        return `Unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}${where ? ` in ${where}` : ''}.`
      }
      return where && issue.message.startsWith('Invalid')
        ? `${where}: ${issue.message}`
        : issue.message
    })
    .join(' ')
}
