import { Unzip, UnzipInflate, type UnzipFile } from 'fflate'
import { UserError } from '../domain/incident/errors'
import { ATTACHMENT_NAME } from '../store/attachments'
import { IncidentStore } from '../store/incident-store'

/** The first file of every backup: what it is and what it holds. */
export const MANIFEST = 'incident-tray-backup.json'
export const SETTINGS_FILE = 'settings.json'

const MB = 1024 * 1024
/** A backup file larger than this is refused before a byte of it is read. */
export const BACKUP_FILE_MAX = 2 * 1024 * MB
/** What one entry may unpack to, by kind. Declared sizes are never trusted: real bytes count. */
const ENTRY_MAX = { manifest: 4 * MB, settings: MB, log: 64 * MB, image: 20 * MB } as const
/**
 * What the whole archive may unpack to: event logs deflate about fourfold and images (stored)
 * not at all, so ten times the file plus some room is generous for a real backup; a bomb
 * (a thousandfold) stops early.
 */
export const inflatedMax = (fileBytes: number) => 10 * fileBytes + 8 * MB

type EntryKind = keyof typeof ENTRY_MAX

/** The names the backup format defines, and nothing else: every other entry is never inflated. */
export function entryKind(name: string): EntryKind | null {
  if (name === MANIFEST) return 'manifest'
  if (name === SETTINGS_FILE) return 'settings'
  const parts = name.split('/')
  if (parts[0] !== 'incidents' || !IncidentStore.isValidId(parts[1] ?? '')) return null
  if (parts.length === 3 && parts[2] === 'events.jsonl') return 'log'
  if (parts.length === 4 && parts[2] === 'attachments' && ATTACHMENT_NAME.test(parts[3]!)) {
    return 'image'
  }
  return null
}

export const damagedBackup = (why: string) =>
  new UserError(
    'damaged-backup',
    `That backup cannot be imported: ${why}. Nothing was changed. Make a new backup on the other computer, or pick another file.`,
  )

const mb = (bytes: number) => `${Math.round(bytes / MB).toLocaleString('en')} MB`

export interface UnzipOptions {
  /** Called as the archive is read: bytes of the file read so far, of `total`. */
  onProgress?(read: number, total: number): void
}

/**
 * Unpacks a backup archive, streaming: only entries whose names the format defines are inflated,
 * each counted by the bytes it really produces, and the whole stops at the first cap it passes.
 * Returns the entries by name. A damaged, unexpected or oversized archive throws 'damaged-backup'.
 */
export function unzipBackup(
  bytes: Uint8Array,
  { onProgress }: UnzipOptions = {},
): Map<string, Uint8Array> {
  if (bytes.length > BACKUP_FILE_MAX) {
    throw damagedBackup(`it is larger than ${mb(BACKUP_FILE_MAX)}, the most a backup may be`)
  }
  const totalMax = inflatedMax(bytes.length)
  const files = new Map<string, Uint8Array>()
  const open = new Set<string>()
  let inflated = 0
  // An object, not a `let`: the callbacks below set it while push() runs.
  const run: { failure: UserError | null } = { failure: null }
  const stop = (err: UserError, file: UnzipFile) => {
    run.failure ??= err
    file.terminate()
  }

  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.onfile = (file) => {
    if (run.failure) return
    const kind = entryKind(file.name)
    if (file.name.endsWith('/')) return // a folder entry: nothing to unpack
    // Never started, so never inflated: a file the format does not define refuses the archive.
    if (!kind) return stop(damagedBackup(`it holds a file a backup never has (${file.name})`), file)
    if (files.has(file.name) || open.has(file.name)) {
      return stop(damagedBackup(`it holds ${file.name} twice`), file)
    }
    const chunks: Uint8Array[] = []
    let size = 0
    open.add(file.name)
    file.ondata = (err, data, final) => {
      if (run.failure) return
      if (err) return stop(damagedBackup(`${file.name} does not unpack (${err.message})`), file)
      size += data.length
      inflated += data.length
      if (size > ENTRY_MAX[kind]) {
        return stop(damagedBackup(`${file.name} unpacks to more than ${mb(ENTRY_MAX[kind])}`), file)
      }
      if (inflated > totalMax) {
        return stop(
          damagedBackup(
            `it unpacks to more than ${mb(totalMax)}, far more than a backup of its size can hold`,
          ),
          file,
        )
      }
      chunks.push(data)
      if (final) {
        open.delete(file.name)
        files.set(file.name, concat(chunks.splice(0), size))
      }
    }
    file.start()
  }

  // Small steps: deflate can expand a thousandfold, and fflate inflates a pushed step whole, so
  // a step bounds what one entry can grow to before its cap is checked (4 KB: at most ~4 MB).
  const step = 4 * 1024
  try {
    for (let at = 0; at < bytes.length && !run.failure; at += step) {
      const end = Math.min(at + step, bytes.length)
      unzip.push(bytes.subarray(at, end), end === bytes.length)
      onProgress?.(end, bytes.length)
    }
    if (bytes.length === 0) unzip.push(new Uint8Array(0), true)
  } catch (err) {
    run.failure ??= damagedBackup(`it is not a readable zip archive (${(err as Error).message})`)
  }
  if (run.failure) throw run.failure
  if (open.size > 0) throw damagedBackup(`${[...open][0]} is cut off`)
  return files
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
