import { strToU8, zipSync, type Zippable } from 'fflate'
import type { Settings } from '../domain/settings/settings'
import { joinLines, parseLog } from '../store/event-log'
import { installIncidents, listImages, readImage, readLogBytes } from '../store/backup-files'
import type { IncidentStore } from '../store/incident-store'
import type { ImportPlan } from '../shared/history-contract'
import { FORMAT, VERSION, type Backup, type Manifest } from './backup-check'
import { MANIFEST } from './backup-unzip'

export { MANIFEST }
export {
  checkBackup,
  nestedDeeperThan,
  readBackup,
  type Backup,
  type BackupIncident,
  type BackupProgress,
  type CheckOptions,
} from './backup-check'

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

/**
 * Compares the backup with what is here, incident by incident; changes nothing. Where the file
 * system ignores case, an incident here whose id differs only in case is the same folder: the
 * backup's differs from it, so it is written only if the user chooses to replace it.
 */
export function planImport(store: IncidentStore, backup: Backup): ImportPlan {
  const here = localIds(store)
  return {
    createdAt: backup.createdAt,
    hasSettings: backup.settings !== null,
    incidents: backup.incidents.map(({ id, title, recordedAt, log, images }) => {
      const local = here(id)
      const state =
        local === undefined
          ? 'new'
          : local === id && sameAsHere(store, id, log, images)
            ? 'same'
            : 'differs'
      return { id, title, recordedAt, state }
    }),
  }
}

/** The incident here that holds a backup id's folder, as it is spelled here. */
function localIds(store: IncidentStore): (id: string) => string | undefined {
  const ids = store.ids()
  if (!store.ignoresCase) {
    const here = new Set(ids)
    return (id) => (here.has(id) ? id : undefined)
  }
  const here = new Map(ids.map((id) => [id.toLowerCase(), id]))
  return (id) => here.get(id.toLowerCase())
}

function sameAsHere(
  store: IncidentStore,
  id: string,
  log: Uint8Array,
  images: ReadonlyMap<string, Uint8Array>,
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
 * this backup. Returns the ids written, and the ids here they replaced under another spelling
 * (the caller forgets those).
 */
export function applyImport(
  store: IncidentStore,
  backup: Backup,
  plan: ImportPlan,
  replace: ReadonlySet<string>,
  now: Date,
): { written: string[]; respelled: string[] } {
  const states = new Map(plan.incidents.map((p) => [p.id, p.state]))
  const here = localIds(store)
  const respelled: string[] = []
  const chosen = backup.incidents.flatMap((item) => {
    const state = states.get(item.id)
    if (state === 'same' || (state === 'differs' && !replace.has(item.id))) return []
    const local = here(item.id)
    if (local !== undefined && local !== item.id) respelled.push(local)
    return [{ ...item, replaces: local }]
  })
  return { written: installIncidents(store, chosen, now), respelled }
}
