import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EVENT_SCHEMA_VERSION } from '../domain/event-schemas'
import type { IncidentEvent } from '../domain/events'

const HOUR = 3_600_000

export interface ArchiveOptions {
  /** Events per incident (at least 4): recording, lead, notes, resolved, reviewed. */
  events?: number
  /** When the first one was recorded; the others follow a day apart. */
  start?: number
  /** Called every thousand incidents, for progress. */
  onProgress?: (written: number) => void
}

/**
 * Past incidents written straight into their logs, as the app would have written them: recorded,
 * a lead, notes, resolved and reviewed. Seeding thousands through the host's commands takes
 * minutes; this takes a second. Returns the ids and the bytes written.
 */
export function writePastIncidents(
  dataDir: string,
  count: number,
  { events = 24, start = Date.parse('2020-01-06T09:00:00Z'), onProgress }: ArchiveOptions = {},
): { ids: string[]; bytes: number } {
  const ids: string[] = []
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const recordedAt = start + i * 24 * HOUR
    const id = `${new Date(recordedAt).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}-p${String(i).padStart(5, '0')}`
    const log = pastIncidentLog(id, i, recordedAt, events)
    const folder = join(dataDir, 'incidents', id)
    mkdirSync(join(folder, 'attachments'), { recursive: true })
    writeFileSync(join(folder, 'events.jsonl'), log)
    bytes += log.length
    ids.push(id)
    if ((i + 1) % 1000 === 0) onProgress?.(i + 1)
  }
  return { ids, bytes }
}

/** One past incident's log bytes: `events` lines. */
export function pastIncidentLog(id: string, i: number, recordedAt: number, events: number): Buffer {
  const notes = Math.max(0, events - 4)
  let seq = 0
  const at = (minutes: number) => new Date(recordedAt + minutes * 60_000).toISOString()
  const base = (minutes: number) => ({
    id: `${id}-e${seq + 1}`,
    incidentId: id,
    seq: ++seq,
    at: at(minutes),
    by: 'Dana',
    v: EVENT_SCHEMA_VERSION,
  })
  const lines: IncidentEvent[] = [
    {
      ...base(0),
      type: 'incident.recorded',
      title: `Past incident ${i}: thumbnails slow on /v1/images`,
      observed: 'p95 over 2 s on the thumbnail endpoint',
      severity: 3,
      scale: 'openverse',
      detection: 'alert',
      area: 'API',
      status: 'stabilized',
    },
    { ...base(1), type: 'lead.set', lead: 'Dana', source: 'free' },
  ]
  for (let j = 0; j < notes; j++) {
    const b = base(2 + j)
    lines.push({
      ...b,
      type: 'entry.added',
      entryId: `${id}-n${j}`,
      occurredAt: b.at,
      verified: true,
      content: {
        kind: 'note',
        text: `Check ${j}: p95 ${400 + ((i + j) % 600)} ms, cache hit ${j % 100}%`,
      },
    })
  }
  lines.push({
    ...base(2 + notes),
    type: 'status.changed',
    from: 'stabilized',
    to: 'resolved',
    summary: 'Cache warmed; p95 back under 300 ms.',
  })
  lines.push({ ...base(3 + notes), type: 'status.changed', from: 'resolved', to: 'reviewed' })
  return Buffer.from(lines.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8')
}

/**
 * A backup's entries (as `unzipBackup` answers them) holding `count` past incidents of `events`
 * events each, built in memory: for the backup check's tests and its bench figure.
 */
export function pastBackupEntries(
  count: number,
  { events = 6, start = Date.parse('2020-01-06T09:00:00Z') }: ArchiveOptions = {},
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>()
  const incidents: { id: string; title: string; events: number; images: number }[] = []
  for (let i = 0; i < count; i++) {
    const recordedAt = start + i * 24 * HOUR
    const id = `${new Date(recordedAt).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}-p${String(i).padStart(5, '0')}`
    files.set(`incidents/${id}/events.jsonl`, pastIncidentLog(id, i, recordedAt, events))
    incidents.push({ id, title: `Past incident ${i}`, events, images: 0 })
  }
  const manifest = {
    format: 'incident-tray-backup',
    version: 1,
    createdAt: new Date(start).toISOString(),
    incidents,
  }
  files.set('incident-tray-backup.json', Buffer.from(JSON.stringify(manifest)))
  return files
}
