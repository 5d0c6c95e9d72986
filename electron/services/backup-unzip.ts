import { inflateRawSync } from 'node:zlib'
import { Unzip, type FlateError, type UnzipDecoder, type UnzipFile } from 'fflate'
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
  // Never more than the entry's own cap, nor than what is left of the whole archive's.
  const capOf = (kind: EntryKind) => Math.min(ENTRY_MAX[kind], totalMax - inflated)
  unzip.register(cappedInflate((name) => capOf(entryKind(name)!)))
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
      if ((err as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE') {
        // zlib stopped at the cap: the entry's own, or what was left of the archive's.
        if (ENTRY_MAX[kind] <= totalMax - inflated) size = ENTRY_MAX[kind] + 1
        else inflated = totalMax + 1
      } else if (err) {
        return stop(damagedBackup(`${file.name} does not unpack (${err.message})`), file)
      }
      size += data?.length ?? 0
      inflated += data?.length ?? 0
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

  // Small steps, for the progress and for stored entries (passed through as they come).
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

/**
 * The chunks as one array of its own. A single chunk may be a view into a larger buffer (a stored
 * entry's into the archive's bytes, an inflated one's into zlib's): copied, or it would keep that
 * buffer alive, and the worker sending it back would copy all of it once per entry.
 */
const NOTHING = new Uint8Array(0)

/**
 * A deflated entry, inflated by the system's zlib once its compressed bytes are all in, and never
 * past `cap(name)` bytes: zlib stops there (maxOutputLength) and says so, so a bomb costs at most
 * its cap. fflate's streaming inflate allocated about 100 KB per entry, which for a backup of
 * 10,000 small logs was most of the time of reading it.
 */
function cappedInflate(cap: (name: string) => number) {
  return class CappedInflate implements UnzipDecoder {
    static compression = 8
    ondata: (err: FlateError | null, data: Uint8Array, final: boolean) => void = () => undefined
    private chunks: Uint8Array[] = []
    private stopped = false

    constructor(
      private readonly name: string,
      _size?: number,
      /** What the entry says it unpacks to: never trusted as a limit, only as zlib's first guess. */
      private readonly declared?: number,
    ) {}

    push(chunk: Uint8Array, final: boolean): void {
      if (this.stopped) return
      this.chunks.push(chunk)
      if (!final) return
      const compressed = Buffer.concat(this.chunks)
      this.chunks = []
      let out: Uint8Array
      try {
        const maxOutputLength = Math.max(1, cap(this.name))
        // One buffer of the declared size when it is right; zlib grows it when it is not.
        const guess = Math.min(this.declared ?? 16_384, maxOutputLength) + 1
        const chunkSize = Math.min(Math.max(guess, 64), 1 << 20)
        out = inflateRawSync(compressed, { maxOutputLength, chunkSize })
      } catch (err) {
        return this.ondata(err as FlateError, NOTHING, true)
      }
      this.ondata(null, out, true)
    }

    terminate(): void {
      this.stopped = true
      this.chunks = []
    }
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const only = chunks.length === 1 ? chunks[0]! : undefined
  if (only) return only.byteLength === only.buffer.byteLength ? only : new Uint8Array(only)
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
