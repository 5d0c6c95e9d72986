import { UserError } from '../../domain/incident/errors'
import type { Incident } from '../../domain/incident'
import { findEntry, type Entry } from '../../domain/timeline/timeline'
import { checkPng } from '../png-check'
import {
  addEntry,
  assertWritable,
  formatBytes,
  IMAGE_MAX_BYTES,
} from '../../domain/timeline/commands'
import { readAttachment, removeAttachment, writeAttachment } from '../../store/attachments'
import type { FeatureHandlers, HostContext } from '../context'
import { entryAfter } from './timeline'

const SCREEN_RECORDING_HELP =
  'Incident Tray may not record the screen yet. Open System Settings > Privacy & Security > Screen Recording, turn on Incident Tray, then quit and reopen the app. Until then, paste a screenshot (Cmd+Shift+Ctrl+4, then Cmd+V) or drop an image file on the timeline.'

/**
 * Images on the timeline: pasted or dropped (already PNG from the renderer) or captured by the
 * ScreenCapturer port. The PNG is checked, written and fsynced before its event is appended.
 */
export function attachmentHandlers(
  ctx: HostContext,
): FeatureHandlers<'attachment:add' | 'attachment:get' | 'capture:sources' | 'capture:take'> {
  const { incidents, store } = ctx
  const writable = (id: string) => {
    const incident = incidents.get(id)
    assertWritable(incident)
    return incident
  }

  return {
    'attachment:add': ({ incidentId, png, caption, occurredAt }) => {
      const incident = writable(incidentId)
      return saveImage(ctx, incident, Buffer.from(png, 'base64'), caption, occurredAt)
    },
    'attachment:get': ({ incidentId, entryId }) => {
      const entry = findEntry(incidents.get(incidentId).timeline, entryId)
      if (!entry || entry.kind !== 'image') {
        throw new UserError('not-found', 'That entry has no image.')
      }
      const bytes = readAttachment(store.attachmentsDir(incidentId), entry.file)
      if (!bytes) {
        throw new UserError(
          'missing-file',
          `The image file ${entry.file} is missing from the incident's attachments folder.`,
        )
      }
      return { dataUrl: `data:image/png;base64,${bytes.toString('base64')}` }
    },
    'capture:sources': async () => {
      const capturer = ctx.ports.capturer
      if (!capturer) {
        return {
          permission: 'unavailable',
          help: 'Screen capture is not available here; paste a screenshot or drop an image file on the timeline.',
          sources: [],
        }
      }
      const permission = capturer.permission()
      if (permission === 'denied') return { permission, help: SCREEN_RECORDING_HELP, sources: [] }
      const sources = await capturer.sources()
      // On macOS the listing is what asks for the permission: what the user answered counts now.
      if (capturer.permission() === 'denied')
        return { permission: 'denied', help: SCREEN_RECORDING_HELP, sources: [] }
      return { permission, sources }
    },
    'capture:take': async ({ incidentId, sourceId, caption }) => {
      const capturer = ctx.ports.capturer
      if (!capturer) throw new UserError('unavailable', 'Screen capture is not available here.')
      if (capturer.permission() === 'denied') {
        throw new UserError('permission', SCREEN_RECORDING_HELP)
      }
      const incident = writable(incidentId)
      let png: Uint8Array
      try {
        png = await capturer.capture(sourceId)
      } catch (err) {
        throw new UserError(
          'capture-failed',
          `The screenshot could not be taken (${(err as Error).message}). Pick the screen or window again.`,
        )
      }
      return saveImage(ctx, incident, png, caption)
    },
  }
}

/** Checks the PNG, writes and fsyncs it, then appends its entry (removing the file if that fails). */
function saveImage(
  { incidents, store }: HostContext,
  incident: Incident,
  png: Uint8Array,
  caption: string,
  occurredAt?: string,
): Entry {
  if (png.length > IMAGE_MAX_BYTES) {
    throw new UserError(
      'too-large',
      `That image is ${formatBytes(png.length)}; the limit is 20 MB. Crop it or capture one window instead of the whole screen.`,
    )
  }
  const { width, height } = checkPng(png)
  // The file is named after the entry, so the entry's id is drawn first.
  const entryId = incidents.eventId()
  const c = { ...incidents.commandContext(), eventId: () => entryId }
  const file = `${entryId}.png`
  const [event] = addEntry(
    incident,
    { content: { kind: 'image', caption, file, width, height }, occurredAt },
    c,
  )
  if (incident.readOnly) throw new UserError('read-only', incident.readOnly)
  writeAttachment(store.attachmentsDir(incident.id), file, png, store.fs)
  try {
    // Decided above, before the file was written: the append is all that is left.
    return entryAfter(incidents.run(incident.id, () => [event!], null).incident, entryId)
  } catch (err) {
    // No event points at it: an image left behind would be a file nothing shows.
    removeAttachment(store.attachmentsDir(incident.id), file)
    throw err
  }
}
