import { strToU8, zipSync, type Zippable } from 'fflate'
import { toCommsView } from '../../domain/comms/from-incident'
import { UserError } from '../../domain/incident/errors'
import { IMAGES_FOLDER, incidentReport } from '../../domain/comms/report'
import { matchesWords, queryWords } from '../../domain/insights/search'
import { computeInsights } from '../../domain/insights'
import { inertAfterImport } from '../../domain/comms/publishing'
import { eventStamp } from '../context'
import {
  applyImport,
  buildBackup,
  planImport,
  readBackup,
  type Backup,
  type BackupProgress,
} from '../backup'
import { BACKUP_FILE_MAX, damagedBackup } from '../backup-unzip'
import type { FeatureHandlers, HostContext } from '../context'
import { PickedPaths } from '../picked-paths'
import { SearchIndex } from '../search-index'
import { readAttachment } from '../../store/attachments'
import { readFileBytes, statFile, type FileStats } from '../../store/backup-files'
import { registerSavedShortcuts } from './settings'

type BackupChannels =
  | 'backup:export'
  | 'backup:pickFile'
  | 'backup:inspect'
  | 'backup:import'
  | 'backup:progress'
  | 'backup:cancel'

/** History search, insights and exporting one incident; the backup is in `backupHandlers`. */
export function historyHandlers(
  ctx: HostContext,
): FeatureHandlers<'history:search' | 'insights:get' | 'incident:export' | BackupChannels> {
  const { incidents, store } = ctx
  const search = new SearchIndex(store, (id) => incidents.peek(id))
  ctx.onClose(() => search.save())
  return {
    'history:search': ({ text }) => {
      const words = queryWords(text)
      // An empty query (the history view opening) brings the cache up to date for what follows.
      const texts = search.all()
      search.save()
      if (words.length === 0) return { ids: incidents.list().map((s) => s.id) }
      const ids: string[] = []
      for (const [id, content] of texts) if (matchesWords(content, words)) ids.push(id)
      return { ids }
    },
    'insights:get': ({ weeks }) => {
      const facts = store.facts()
      const leadDays = 90
      const insights = computeInsights(facts, {
        now: ctx.now(),
        cadence: ctx.settings.get().cadence,
        weeks,
        leadDays,
      })
      return { ...insights, incidents: facts.length, weeks, leadDays }
    },
    'incident:export': async ({ id, includeUnverified }) => {
      const incident = incidents.get(id)
      const report = incidentReport(incident, toCommsView(incident, ctx.settings.get()), {
        includeUnverified,
      })
      const folder = `incident-${id}`
      const files: Zippable = { [`${folder}/report.md`]: strToU8(report) }
      for (const item of incident.timeline) {
        if (item.kind !== 'image' || item.deleted) continue
        const bytes = readAttachment(store.attachmentsDir(id), item.file)
        if (!bytes) continue
        files[`${folder}/${IMAGES_FOLDER}/${item.file}`] = [new Uint8Array(bytes), { level: 0 }]
      }
      return { path: await ctx.ports.files.save(`${folder}.zip`, zipSync(files)) }
    },
    ...backupHandlers(ctx),
  }
}

/** The full backup: export, pick, inspect, import with its progress, cancel. */
function backupHandlers(ctx: HostContext): FeatureHandlers<BackupChannels> {
  const { incidents, store } = ctx
  const picked = new PickedPaths()
  const reader = new BackupReader(() => ctx.ports.backupWorker)
  return {
    'backup:export': async () => {
      const ids = store.ids()
      const bytes = buildBackup(store, ctx.settings.get(), ctx.now())
      const day = ctx.now().toISOString().slice(0, 10)
      const path = await ctx.ports.files.save(`incident-tray-backup-${day}.zip`, bytes)
      return { path, incidents: ids.length }
    },
    'backup:pickFile': async () => {
      const picker = ctx.ports.filePicker
      const path = picker ? await picker.pickFile('Choose an Incident Tray backup', ['zip']) : null
      return { token: path === null ? null : picked.remember(path, 'file'), path }
    },
    'backup:inspect': async ({ file }) =>
      planImport(store, await reader.read(picked.path(file, 'file'))),
    'backup:import': async ({ file, replace, restoreSettings }) => {
      const backup = await reader.read(picked.path(file, 'file'))
      reader.lastRead = null
      const plan = planImport(store, backup)
      const { written: imported, respelled } = applyImport(
        store,
        backup,
        plan,
        new Set(replace),
        ctx.now(),
      )
      // Replaced by an id spelled in another case (the same folder, where case is ignored).
      for (const id of respelled) incidents.forget(id)
      for (const id of imported) {
        incidents.reload(id)
        // Imported history is history, never instructions: nothing in it publishes by itself.
        const inert = inertAfterImport(incidents.get(id), () => eventStamp(ctx, id))
        if (inert.length) incidents.commit(id, inert)
      }
      const settingsRestored = restoreSettings && backup.settings !== null
      if (backup.settings && restoreSettings) {
        const before = ctx.settings.get()
        const after = ctx.settings.restore(backup.settings)
        registerSavedShortcuts(ctx.ports.shortcuts, after)
        // Restored settings take effect as if chosen here: the login item too.
        if (before.openAtLogin !== after.openAtLogin) {
          ctx.ports.desktop.setOpenAtLogin(after.openAtLogin)
        }
      }
      ctx.changed()
      const written = new Set(imported)
      return {
        imported,
        unchanged: plan.incidents.filter((p) => p.state === 'same').map((p) => p.id),
        kept: plan.incidents
          .filter((p) => p.state === 'differs' && !written.has(p.id))
          .map((p) => p.id),
        settingsRestored,
      }
    },
    'backup:progress': () => reader.progress,
    'backup:cancel': () => {
      const running = reader.progress.running
      ctx.ports.backupWorker?.cancel()
      return { cancelled: running }
    },
  }
}

/** The backup file's stats, after checking it is a regular file of a backup's size at most. */
function backupFileStats(path: string): FileStats {
  let stat: FileStats
  try {
    // stat, not read: a FIFO or a device named x.zip would block a read for good.
    stat = statFile(path)
  } catch {
    throw new UserError('not-found', `There is no file at ${path}. Check the path and try again.`)
  }
  if (stat.isDirectory()) {
    throw new UserError('not-a-file', `${path} is a folder; choose the backup's .zip file.`)
  }
  if (!stat.isFile()) {
    throw new UserError(
      'not-a-file',
      `${path} is not a regular file; choose the backup's .zip file.`,
    )
  }
  if (stat.size > BACKUP_FILE_MAX) {
    throw damagedBackup(
      `it is ${Math.round(stat.size / 2 ** 20).toLocaleString('en')} MB, more than the ${BACKUP_FILE_MAX / 2 ** 20} MB (2 GB) a backup may be`,
    )
  }
  return stat
}

/** What `backup:progress` answers: bytes read, then incidents checked. */
interface ReadProgress {
  read: number
  total: number
  running: boolean
  checked?: number
  incidents?: number
}

/**
 * Reads and checks a backup file, with progress; import after inspect does not read it again. The
 * app does all of it in a worker thread (unpacking and checking: ports.backupWorker); tests, in
 * this process.
 */
class BackupReader {
  progress: ReadProgress = { read: 0, total: 0, running: false }
  /** The last backup read, checked. */
  lastRead: { key: string; backup: Backup } | null = null

  constructor(private readonly worker: () => HostContext['ports']['backupWorker']) {}

  async read(path: string): Promise<Backup> {
    const stat = backupFileStats(path)
    const key = `${path}\0${stat.size}\0${stat.mtimeMs}`
    if (this.lastRead?.key === key) return this.lastRead.backup
    this.lastRead = null
    this.progress = { read: 0, total: stat.size, running: true }
    try {
      const onProgress = (p: BackupProgress) => {
        this.progress =
          p.phase === 'unpacking'
            ? { read: p.read, total: p.total, running: true }
            : {
                read: stat.size,
                total: stat.size,
                running: true,
                checked: p.checked,
                incidents: p.incidents,
              }
      }
      const worker = this.worker()
      const backup = worker
        ? await worker.read(path, onProgress)
        : readBackup(readFileBytes(path), onProgress)
      this.lastRead = { key, backup }
      return backup
    } finally {
      this.progress = { ...this.progress, running: false }
    }
  }
}
