import { ipcMain, type WebContents } from 'electron'
import { INVOKE_CHANNELS, type PushChannel } from '../shared/ipc-channels'
import type { PushPayload } from '../shared/ipc-contract'
import type { Result } from '../shared/result'

/** Every contract channel goes through one guarded, validating dispatch (see guards.ts). */
export function registerIpc(
  dispatch: (
    channel: string,
    senderUrl: string | undefined,
    payload: unknown,
  ) => Promise<Result<unknown>>,
): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, event.senderFrame?.url, payload),
    )
  }
}

export function push<C extends PushChannel>(
  target: WebContents,
  channel: C,
  payload: PushPayload<C>,
): void {
  if (!target.isDestroyed()) target.send(channel, payload)
}
