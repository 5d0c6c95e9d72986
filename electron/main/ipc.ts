import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { Host } from '../services/host'
import { INVOKE_CHANNELS, type PushChannel } from '../shared/ipc-channels'
import type { PushPayload } from '../shared/ipc-contract'
import { fail } from '../shared/result'

/** Every contract channel goes through the host's validating dispatcher; strangers are refused. */
export function registerIpc(
  host: Host,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      isTrustedSender(event)
        ? host.dispatch(channel, payload)
        : fail('forbidden', 'Only the app’s own windows may call the app.'),
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
