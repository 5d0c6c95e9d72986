import { strFromU8 } from 'fflate'
import { foldIncident, type Incident } from '../domain/incident'
import { checkPng } from './png-check'
import { Settings } from '../domain/settings/settings'
import { ATTACHMENT_NAME } from '../store/attachments'
import { parseLog } from '../store/event-log'
import { IncidentStore } from '../store/incident-store'
import { damagedBackup as damaged, MANIFEST, SETTINGS_FILE, unzipBackup } from './backup-unzip'

// Reading a backup whole, as its worker does (backup-unzip-worker.ts): unpacking, then checking
// every incident against the store's own rules before anything is written.

export const FORMAT = 'incident-tray-backup'
export const VERSION = 1

export interface Manifest {
  format: typeof FORMAT
  version: number
  createdAt: string
  incidents: { id: string; title: string; events: number; images: number }[]
}

/**
 * One incident as it is in a backup, checked: its log folds and its images are whole PNGs. Plain
 * data (no folded incident), so the worker that checks it can send it back as it is.
 */
export interface BackupIncident {
  id: string
  title: string
  recordedAt: string
  log: Uint8Array
  images: ReadonlyMap<string, Uint8Array>
}

const NO_IMAGES: ReadonlyMap<string, Uint8Array> = new Map()

export interface Backup {
  createdAt: string
  settings: Settings | null
  incidents: BackupIncident[]
}

/** How far a read has got: the file's bytes while unpacking, then incidents while checking. */
export type BackupProgress =
  | { phase: 'unpacking'; read: number; total: number }
  | { phase: 'checking'; checked: number; incidents: number }

/**
 * Reads and checks a whole backup before anything is written; a damaged one throws. All of it,
 * unpacking and checking, is what the app runs in its worker thread (backup-unzip-worker.ts).
 */
export function readBackup(
  bytes: Uint8Array,
  onProgress?: (progress: BackupProgress) => void,
): Backup {
  const files = unzipBackup(bytes, {
    onProgress: onProgress && ((read, total) => onProgress({ phase: 'unpacking', read, total })),
  })
  return checkBackup(files, {
    onProgress:
      onProgress && ((checked, incidents) => onProgress({ phase: 'checking', checked, incidents })),
  })
}

/** The backup's manifest, checked: an Incident Tray backup this version can read. */
function readManifest(files: ReadonlyMap<string, Uint8Array>): Manifest {
  const manifestBytes = files.get(MANIFEST)
  if (!manifestBytes) throw damaged(`it has no ${MANIFEST}, so it is not an Incident Tray backup`)
  let manifest: Manifest
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as Manifest
  } catch {
    throw damaged(`its ${MANIFEST} is not valid JSON`)
  }
  if (manifest.format !== FORMAT || !Array.isArray(manifest.incidents)) {
    throw damaged(`its ${MANIFEST} does not describe an Incident Tray backup`)
  }
  if (manifest.version > VERSION) {
    throw damaged('it was made by a newer version of Incident Tray; update the app first')
  }
  return manifest
}

/** One incident's entries in a backup: its log, its images by name, and the first path seen. */
interface Entries {
  first: string
  log?: Uint8Array
  images: [string, Uint8Array][]
}

/** Every entry under `incidents/`, grouped by incident once: each check then sees only its own. */
function entriesByIncident(files: ReadonlyMap<string, Uint8Array>): Map<string, Entries> {
  const byIncident = new Map<string, Entries>()
  for (const [path, content] of files) {
    if (!path.startsWith('incidents/')) continue
    const parts = path.split('/')
    const id = parts[1]!
    let entries = byIncident.get(id)
    if (!entries) byIncident.set(id, (entries = { first: path, images: [] }))
    if (parts.length === 3 && parts[2] === 'events.jsonl') entries.log = content
    else if (parts.length === 4 && parts[2] === 'attachments')
      entries.images.push([parts[3]!, content])
    else throw damaged(`it holds an unexpected file ${path}`)
  }
  return byIncident
}

export interface CheckOptions {
  /** Called as incidents are checked: how many so far, of how many. */
  onProgress?(checked: number, incidents: number): void
}

/**
 * Checks a backup's unpacked entries (unzipBackup's answer): the manifest, every incident's log
 * line by line through the store's own event schemas, its images, and the settings. Linear in the
 * backup's size: the entries are grouped by incident once, never searched per incident.
 */
export function checkBackup(
  files: ReadonlyMap<string, Uint8Array>,
  { onProgress }: CheckOptions = {},
): Backup {
  const manifest = readManifest(files)
  const byIncident = entriesByIncident(files)
  // Ids are folder names: two that differ only in case are one folder on macOS and Windows.
  const listed = new Map<string, string>()
  const total = manifest.incidents.length
  // About a hundred reports for a whole backup, whatever its size.
  const every = Math.max(1, Math.floor(total / 100))
  const incidents = manifest.incidents.map((listing, n) => {
    const { id, events } = (typeof listing === 'object' && listing !== null ? listing : {}) as {
      id?: unknown
      events?: unknown
    }
    if (typeof id !== 'string' || !IncidentStore.isValidId(id)) {
      throw damaged(`it lists an incident with an invalid id (${String(id)})`)
    }
    const twin = listed.get(id.toLowerCase())
    if (twin === id) throw damaged(`it lists incident ${id} twice`)
    if (twin !== undefined) {
      throw damaged(`it lists incidents ${twin} and ${id}, whose ids differ only in case`)
    }
    listed.set(id.toLowerCase(), id)
    const checked = checkIncident(id, events, byIncident.get(id))
    if (onProgress && ((n + 1) % every === 0 || n + 1 === total)) onProgress(n + 1, total)
    return checked
  })

  for (const [id, { first }] of byIncident) {
    if (listed.get(id.toLowerCase()) !== id) {
      throw damaged(`it holds ${first}, of an incident its ${MANIFEST} does not list`)
    }
  }

  return { createdAt: String(manifest.createdAt), settings: readSettings(files), incidents }
}

function checkIncident(id: string, events: unknown, entries: Entries | undefined): BackupIncident {
  const log = entries?.log
  if (!log) throw damaged(`the event log of incident ${id} is missing`)
  // Every line through the same per-type, per-version schemas as the store's own reads.
  const parsed = parseLog(Buffer.from(log.buffer, log.byteOffset, log.byteLength))
  if (parsed.unknown.length > 0) {
    throw damaged(
      `incident ${id} holds events of a newer version of Incident Tray ("${parsed.unknown[0]!.type}"); update the app first`,
    )
  }
  const bad = parsed.damaged[0]
  if (bad) {
    throw damaged(`line ${bad.line} of incident ${id}'s event log is not valid (${bad.why})`)
  }
  const fixed = parsed.repaired[0]
  if (fixed) {
    throw damaged(`line ${fixed.line} of incident ${id}'s event log is not valid (${fixed.why})`)
  }
  if (parsed.torn || parsed.events.length !== events) {
    throw damaged(`the event log of incident ${id} is cut off or altered`)
  }
  // A field a later version adds is kept as it is: never one nested deeper than an event can be,
  // which would break every answer about the incident (structuredClone, JSON).
  const deep = parsed.events.findIndex((event) => nestedDeeperThan(event, MAX_NESTING))
  if (deep >= 0) {
    throw damaged(
      `event ${deep + 1} of incident ${id}'s event log nests values more than ${MAX_NESTING} levels deep`,
    )
  }
  let incident: Incident
  try {
    incident = foldIncident(parsed.events)
  } catch (err) {
    throw damaged(`the events of incident ${id} do not replay (${(err as Error).message})`)
  }
  if (incident.id !== id) throw damaged(`the log in folder ${id} belongs to another incident`)
  const images = checkImages(id, entries.images)
  for (const item of incident.timeline) {
    if (item.kind === 'image' && !images.has(item.file)) {
      throw damaged(`the image ${item.file} of incident ${id} is missing`)
    }
  }
  return { id, title: incident.title, recordedAt: incident.recordedAt, log, images }
}

/** Deeper than any event the app writes (a retrospective draft is five levels), far below a stack. */
const MAX_NESTING = 32

/** An incident's images by name, each a whole PNG; most have none, and share one empty map. */
function checkImages(id: string, entries: [string, Uint8Array][]): ReadonlyMap<string, Uint8Array> {
  if (entries.length === 0) return NO_IMAGES
  const images = new Map<string, Uint8Array>()
  const names = new Set<string>()
  for (const [name, content] of entries) {
    const path = `incidents/${id}/attachments/${name}`
    if (!ATTACHMENT_NAME.test(name)) throw damaged(`it holds an unexpected file ${path}`)
    // One file on a file system that ignores case.
    if (names.has(name.toLowerCase())) throw damaged(`it holds ${path} twice, in another case`)
    names.add(name.toLowerCase())
    try {
      checkPng(content)
    } catch {
      throw damaged(`the image ${path} is damaged`)
    }
    images.set(name, content)
  }
  return images
}

/**
 * Whether objects and arrays nest more than `max` levels in `value`. Recursive, but never deeper
 * than `max` (it stops there), and allocation-free: it runs on every event of a backup.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (max <= 0) return true
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestedDeeperThan(value[i], max - 1)) return true
    return false
  }
  const object = value as Record<string, unknown>
  for (const key in object) {
    if (Object.hasOwn(object, key) && nestedDeeperThan(object[key], max - 1)) return true
  }
  return false
}

function readSettings(files: ReadonlyMap<string, Uint8Array>): Settings | null {
  const settingsBytes = files.get(SETTINGS_FILE)
  if (!settingsBytes) return null
  let raw: unknown
  try {
    raw = JSON.parse(strFromU8(settingsBytes))
  } catch {
    throw damaged('its settings.json is not valid JSON')
  }
  // A backup never restores the publishing section (restoring keeps this machine's): an
  // address there that today's rule refuses does not make the other settings unreadable.
  const parsed = Settings.safeParse(
    typeof raw === 'object' && raw !== null ? { ...raw, publishing: {} } : raw,
  )
  if (!parsed.success) throw damaged('its settings.json does not hold valid settings')
  return parsed.data
}
