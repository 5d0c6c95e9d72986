import { desktopCapturer, screen, systemPreferences } from 'electron'
import type { ScreenCapturer } from '../services/ports'

/**
 * desktopCapturer in one getSources call: the list the user picks from already holds each
 * source's full-resolution still (display size x scale factor), and the capture hands back the
 * one picked. A second call would not find it again on Wayland, where each call is a new pick
 * in the portal's dialog with a new id ("only returns a single source on Linux when using
 * Pipewire", desktop-capturer docs), and it is that call which makes macOS ask for the Screen
 * Recording permission, so a permission not yet asked for must not stop it.
 */
export function electronCapturer(): ScreenCapturer {
  let picked = new Map<string, Electron.NativeImage>()
  return {
    permission: () => {
      if (process.platform !== 'darwin') return 'not-needed'
      const status = systemPreferences.getMediaAccessStatus('screen')
      // 'not-determined': the next getSources asks. A refusal counts only after a relaunch.
      return status === 'denied' || status === 'restricted' ? 'denied' : 'granted'
    },
    sources: async () => {
      const largest = screen.getAllDisplays().reduce(
        (max, d) => ({
          width: Math.max(max.width, Math.round(d.size.width * d.scaleFactor)),
          height: Math.max(max.height, Math.round(d.size.height * d.scaleFactor)),
        }),
        { width: 0, height: 0 },
      )
      const sources = await desktopCapturer.getSources({
        types: ['screen', 'window'],
        thumbnailSize: largest,
      })
      picked = new Map(sources.map((s) => [s.id, s.thumbnail]))
      return sources.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.id.startsWith('screen:') ? 'screen' : 'window',
      }))
    },
    capture: async (id) => {
      const still = picked.get(id)
      if (!still) throw new Error('that screen or window is gone')
      picked = new Map()
      if (still.isEmpty()) throw new Error('the system returned an empty image')
      return still.toPNG()
    },
  }
}
