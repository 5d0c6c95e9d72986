import {
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  type InvokeChannel,
  type PushChannel,
} from '../shared/ipc-channels'
import type { ChannelInput, ChannelOutput, PushPayload } from '../shared/ipc-contract'
import type { Result } from '../shared/result'

/** How calls reach the host: ipcRenderer in Electron, a Playwright binding in the e2e harness. */
export interface Transport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<unknown>
  subscribe(channel: PushChannel, listener: (payload: unknown) => void): () => void
}

type NounOf<C> = C extends `${infer N}:${string}` ? N : never
type VerbOf<C, N extends string> = C extends `${N}:${infer V}` ? V : never
type Call<C extends InvokeChannel> = [ChannelInput<C>] extends [undefined]
  ? () => Promise<Result<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>

/** `window.api`: one method per contract channel, `api.incident.record(...)` for `incident:record`. */
export type Api = {
  readonly [N in NounOf<InvokeChannel>]: {
    readonly [C in InvokeChannel as VerbOf<C, N>]: Call<C>
  }
} & {
  /** Subscribes to a push channel; returns the unsubscribe. */
  on<C extends PushChannel>(channel: C, listener: (payload: PushPayload<C>) => void): () => void
}

export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of INVOKE_CHANNELS) {
    const [noun = '', verb = ''] = channel.split(':')
    api[noun] ??= {}
    api[noun][verb] = (input?: unknown) =>
      transport.invoke(channel, input).catch((err: unknown) => ({
        ok: false,
        error: { code: 'ipc', message: `The app could not be reached: ${String(err)}` },
      }))
  }
  const on = (channel: PushChannel, listener: (payload: unknown) => void) => {
    if (!PUSH_CHANNELS.includes(channel)) throw new Error(`Unknown push channel: ${channel}`)
    return transport.subscribe(channel, listener)
  }
  return Object.freeze({ ...api, on }) as unknown as Api
}
