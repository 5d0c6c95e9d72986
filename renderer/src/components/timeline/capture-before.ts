import { api } from '../../api'

/**
 * "Capture screen now" before a destructive action: the whole first display, onto the timeline,
 * captioned with what is about to happen. Resolves to an error message, or null when captured.
 */
export async function captureBefore(incidentId: string, what: string): Promise<string | null> {
  const sources = await api.capture.sources()
  if (!sources.ok) return sources.error.message
  if (sources.value.help) return sources.value.help
  const source = sources.value.sources.find((s) => s.kind === 'screen') ?? sources.value.sources[0]
  if (!source) return 'No display to capture was found.'
  const taken = await api.capture.take({
    incidentId,
    sourceId: source.id,
    caption: `Before: ${what}`,
  })
  return taken.ok ? null : taken.error.message
}
