import { z } from 'zod'
import { DETECTION_METHODS } from '../events'
import type { Incident } from '../incident'
import { SEVERITY_SCALE_IDS } from '../incident/severity'

/**
 * A small machine-readable note in every post the app publishes (an HTML comment holding a JSON
 * object), so another app can open the incident from the post whatever the template says. Read
 * back as outside data: through a schema, each field optional, anything else ignored.
 */
const NOTE_START = '<!-- incident-tray-incident '
const NOTE_END = ' -->'

const Note = z.object({
  v: z.literal(1),
  /** The title as recorded: the post's own title is the template's ("Incident: …"). */
  title: z.string().max(500).optional(),
  severity: z.number().int().min(0).max(10).optional(),
  scale: z.enum(SEVERITY_SCALE_IDS).optional(),
  detection: z.enum(DETECTION_METHODS).optional(),
  area: z.string().max(200).optional(),
  recordedAt: z.iso.datetime().optional(),
  detectedAt: z.iso.datetime().optional(),
})
export type IncidentNote = z.infer<typeof Note>

export function incidentNote(incident: Incident): string {
  const note: IncidentNote = {
    v: 1,
    title: incident.title,
    severity: incident.severity,
    scale: incident.scale,
    detection: incident.detection,
    area: incident.area,
    recordedAt: incident.recordedAt,
    detectedAt: incident.keyTimes.detectedAt,
  }
  // Nothing in the note can end the comment early or read as markup: <, >, & and - are written
  // as JSON escapes (\u003c …), which JSON.parse reads back as they were.
  const json = JSON.stringify(note).replace(
    /[<>&-]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return `${NOTE_START}${json}${NOTE_END}`
}

/** `html` with the note at its end. */
export function withIncidentNote(html: string, incident: Incident): string {
  return `${html}\n${incidentNote(incident)}`
}

/** The note in a post's HTML, if there is one that reads; null otherwise. */
export function readIncidentNote(html: string): IncidentNote | null {
  const start = html.lastIndexOf(NOTE_START)
  if (start < 0) return null
  const end = html.indexOf(NOTE_END, start + NOTE_START.length)
  if (end < 0 || end - start > 4000) return null
  try {
    const parsed = Note.safeParse(JSON.parse(html.slice(start + NOTE_START.length, end)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
