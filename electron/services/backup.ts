import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate'
import { foldIncident, type Incident } from '../domain/incident'
import { checkPng } from './png-check'
import { Settings } from '../domain/settings/settings'
import { ATTACHMENT_NAME } from '../store/attachments'
import { joinLines, parseLog } from '../store/event-log'
import { installIncidents, listImages, readImage, readLogBytes } from '../store/backup-files'
import { IncidentStore } from '../store/incident-store'
import type { ImportPlan } from '../shared/history-contract'
import { damagedBackup as damaged, MANIFEST, SETTINGS_FILE, unzipBackup } from './backup-unzip'

export { MANIFEST }
const FORMAT = 'incident-tray-backup'
const VERSION = 1

interface Manifest {
  format: typeof FORMAT
  version: number
  createdAt: string
  incidents: { id: string; title: string; events: number; images: number }[]
}

/** One incident as it is in a backup, checked: its log folds and its images are whole PNGs. */
export interface BackupIncident {
  id: string
  incident: Incident
  log: Uint8Array
  images: Map<string, Uint8Array>
}

export interface Backup {
  createdAt: string
  settings: Settings | null
  incidents: BackupIncident[]
}

/** Everything the user owns, as one zip: settings, and every incident's log and images. */
export function buildBackup(store: IncidentStore, settings: Settings, now: Date): Uint8Array {
  const files: Zippable = {}
  const manifest: Manifest = {
    format: FORMAT,
    version: VERSION,
    createdAt: now.toISOString(),
    incidents: [],
  }
  for (const id of store.ids()) {
    // The log as it is on disk, without replaying it: only whole event lines go in.
    const { events, good } = parseLog(readLogBytes(store, id))
    files[`incidents/${id}/events.jsonl`] = new Uint8Array(joinLines(good))
    const images = listImages(store, id)
    for (const name of images) {
      // PNGs are compressed already: stored as they are.
      files[`incidents/${id}/attachments/${name}`] = [
        new Uint8Array(readImage(store, id, name)),
        { level: 0 },
      ]
    }
    const recorded = events[0]
    manifest.incidents.push({
      id,
      title: recorded?.type === 'incident.recorded' ? recorded.title : id,
      events: events.length,
      images: images.length,
    })
  }
  files['settings.json'] = strToU8(JSON.stringify(settings, null, 2))
  return zipSync({ [MANIFEST]: strToU8(JSON.stringify(manifest, null, 2)), ...files })
}

/** Reads and checks a whole backup before anything is written; a damaged one throws. */
export function readBackup(bytes: Uint8Array): Backup {
  return checkBackup(unzipBackup(bytes))
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

/**
 * Checks a backup's unpacked entries (unzipBackup's answer): the manifest, every incident's log
 * line by line through the store's own event schemas, its images, and the settings.
 */
export function checkBackup(files: ReadonlyMap<string, Uint8Array>): Backup {
  const manifest = readManifest(files)

  const listed = new Set<string>()
  const incidents = manifest.incidents.map(({ id, events }) => {
    if (typeof id !== 'string' || !IncidentStore.isValidId(id)) {
      throw damaged(`it lists an incident with an invalid id (${String(id)})`)
    }
    if (listed.has(id)) throw damaged(`it lists incident ${id} twice`)
    listed.add(id)
    const log = files.get(`incidents/${id}/events.jsonl`)
    if (!log) throw damaged(`the event log of incident ${id} is missing`)
    // Every line through the same per-type, per-version schemas as the store's own reads.
    const parsed = parseLog(Buffer.from(log))
    if (parsed.unknown.length > 0) {
      throw damaged(
        `incident ${id} holds events of a newer version of Incident Tray ("${parsed.unknown[0]!.type}"); update the app first`,
      )
    }
    const bad = parsed.damaged[0]
    if (bad) {
      throw damaged(`line ${bad.line} of incident ${id}'s event log is not valid (${bad.why})`)
    }
    if (parsed.torn || parsed.events.length !== events) {
      throw damaged(`the event log of incident ${id} is cut off or altered`)
    }
    let incident: Incident
    try {
      incident = foldIncident(parsed.events)
    } catch (err) {
      throw damaged(`the events of incident ${id} do not replay (${(err as Error).message})`)
    }
    if (incident.id !== id) throw damaged(`the log in folder ${id} belongs to another incident`)
    const images = new Map<string, Uint8Array>()
    const prefix = `incidents/${id}/attachments/`
    for (const [path, content] of files) {
      if (!path.startsWith(prefix)) continue
      const name = path.slice(prefix.length)
      if (!ATTACHMENT_NAME.test(name)) throw damaged(`it holds an unexpected file ${path}`)
      try {
        checkPng(content)
      } catch {
        throw damaged(`the image ${path} is damaged`)
      }
      images.set(name, content)
    }
    for (const item of incident.timeline) {
      if (item.kind === 'image' && !images.has(item.file)) {
        throw damaged(`the image ${item.file} of incident ${id} is missing`)
      }
    }
    return { id, incident, log, images }
  })

  for (const name of files.keys()) {
    const id = name.split('/')[1]
    if (name.startsWith('incidents/') && !listed.has(id!)) {
      throw damaged(`it holds ${name}, of an incident its ${MANIFEST} does not list`)
    }
  }

  let settings: Settings | null = null
  const settingsBytes = files.get(SETTINGS_FILE)
  if (settingsBytes) {
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
    settings = parsed.data
  }
  return { createdAt: String(manifest.createdAt), settings, incidents }
}

/** Compares the backup with what is here, incident by incident; changes nothing. */
export function planImport(store: IncidentStore, backup: Backup): ImportPlan {
  const here = new Set(store.ids())
  return {
    createdAt: backup.createdAt,
    hasSettings: backup.settings !== null,
    incidents: backup.incidents.map(({ id, incident, log, images }) => ({
      id,
      title: incident.title,
      recordedAt: incident.recordedAt,
      state: !here.has(id) ? 'new' : sameAsHere(store, id, log, images) ? 'same' : 'differs',
    })),
  }
}

function sameAsHere(
  store: IncidentStore,
  id: string,
  log: Uint8Array,
  images: Map<string, Uint8Array>,
): boolean {
  if (!Buffer.from(log).equals(readLogBytes(store, id))) return false
  const mine = listImages(store, id)
  return (
    mine.length === images.size &&
    mine.every((name) => {
      const theirs = images.get(name)
      return theirs !== undefined && Buffer.from(theirs).equals(readImage(store, id, name))
    })
  )
}

/**
 * Writes the backup's incidents that are new here, and those the user chose to replace (the store
 * keeps a replaced incident's folder beside, never deletes it). `plan` is planImport's answer for
 * this backup. Returns the ids written.
 */
export function applyImport(
  store: IncidentStore,
  backup: Backup,
  plan: ImportPlan,
  replace: ReadonlySet<string>,
  now: Date,
): string[] {
  const chosen = backup.incidents.filter((item) => {
    const state = plan.incidents.find((p) => p.id === item.id)?.state
    return !(state === 'same' || (state === 'differs' && !replace.has(item.id)))
  })
  return installIncidents(store, chosen, now)
}
