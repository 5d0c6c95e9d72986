import type { Dispatch } from '../services/dispatch'
import { fail, type Result } from '../shared/result'
import { isAppUrl } from './app-origin'
import { linkKind } from '../domain/incident/input-rules'

/**
 * What every web contents gets: navigation only within the app, no new windows, https links to
 * the system browser (http ones after a confirmation), and IPC only from the app's own pages. Pure, so a test can hold it.
 */
export function createGuards(
  devServerUrl: string | undefined,
  openExternal: (url: string) => void,
  /** Asks before an http (unencrypted) link leaves the app; resolves true to open it. */
  confirmPlainHttp: (url: string) => Promise<boolean> = () => Promise.resolve(false),
) {
  return {
    willNavigate(event: { preventDefault(): void }, url: string): void {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault()
    },
    /** The one link rule (domain/input-rules.ts): https opens, http after a yes, nothing else. */
    windowOpen({ url }: { url: string }): { action: 'deny' } {
      const kind = linkKind(url)
      if (kind === 'https') openExternal(url)
      else if (kind === 'http') {
        void confirmPlainHttp(url).then((yes) => {
          if (yes) openExternal(url)
        })
      }
      return { action: 'deny' }
    },
    /** IPC from anything but the app's own page is refused before it reaches the host. */
    guardedDispatch(dispatch: Dispatch) {
      return (
        channel: string,
        senderUrl: string | undefined,
        payload: unknown,
      ): Promise<Result<unknown>> =>
        isAppUrl(senderUrl ?? '', devServerUrl)
          ? dispatch(channel, payload)
          : Promise.resolve(fail('forbidden', 'Only the app’s own windows may call the app.'))
    },
  }
}

export type Guards = ReturnType<typeof createGuards>
