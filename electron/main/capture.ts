import { desktopCapturer, screen, systemPreferences } from 'electron'
import type { ScreenCapturer } from '../services/ports'

/**
 * desktopCapturer with a full-resolution thumbnail (display size x scale factor): a still, no
 * video stream. macOS needs the Screen Recording permission, which an app cannot request itself.
 */
export const electronCapturer: ScreenCapturer = {
  permission: () => {
    if (process.platform !== 'darwin') return 'not-needed'
    return systemPreferences.getMediaAccessStatus('screen') === 'granted' ? 'granted' : 'denied'
  },
  sources: async () => {
    const sources = await desktopCapturer.getSources({
      types: ['screen', 'window'],
      thumbnailSize: { width: 0, height: 0 },
    })
    return sources.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.id.startsWith('screen:') ? 'screen' : 'window',
    }))
  },
  capture: async (id) => {
    const largest = screen.getAllDisplays().reduce(
      (max, d) => ({
        width: Math.max(max.width, Math.round(d.size.width * d.scaleFactor)),
        height: Math.max(max.height, Math.round(d.size.height * d.scaleFactor)),
      }),
      { width: 0, height: 0 },
    )
    const sources = await desktopCapturer.getSources({
      types: [id.startsWith('screen:') ? 'screen' : 'window'],
      thumbnailSize: largest,
    })
    const source = sources.find((s) => s.id === id)
    if (!source) throw new Error('that screen or window is gone')
    if (source.thumbnail.isEmpty()) throw new Error('the system returned an empty image')
    return source.thumbnail.toPNG()
  },
}
