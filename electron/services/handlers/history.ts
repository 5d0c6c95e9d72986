import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { toCommsView } from '../../domain/comms/from-incident'
import { UserError } from '../../domain/errors'
import { IMAGES_FOLDER, incidentReport } from '../../domain/export/report'
import { matchesWords, queryWords } from '../../domain/history/search'
import { computeInsights } from '../../domain/insights'
import { applyImport, buildBackup, planImport, readBackup } from '../backup'
import type { FeatureHandlers, HostContext } from '../context'
import { SearchIndex } from '../search-index'
import { registerSavedShortcuts } from './settings'

/** History search, exporting one incident, and the full backup with its import. */
export function historyHandlers(
  ctx: HostContext,
): FeatureHandlers<
  | 'history:search'
  | 'insights:get'
  | 'incident:export'
  | 'backup:export'
  | 'backup:pickFile'
  | 'backup:inspect'
  | 'backup:import'
> {
  const { incidents, store } = ctx
  const search = new SearchIndex(store, (id) => incidents.peek(id))
  ctx.onClose(() => search.save())

  const readBackupFile = (path: string) => {
    if (!existsSync(path)) {
      throw new UserError('not-found', `There is no file at ${path}. Check the path and try again.`)
    }
    if (!statSync(path).isFile()) {
      throw new UserError('not-a-file', `${path} is a folder; choose the backup's .zip file.`)
    }
    return readBackup(readFileSync(path))
  }

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
        const path = join(store.attachmentsDir(id), item.file)
        if (!existsSync(path)) continue
        files[`${folder}/${IMAGES_FOLDER}/${item.file}`] = [
          new Uint8Array(readFileSync(path)),
          { level: 0 },
        ]
      }
      return { path: await ctx.ports.files.save(`${folder}.zip`, zipSync(files)) }
    },
    'backup:export': async () => {
      const ids = store.ids()
      const bytes = buildBackup(store, ctx.settings.get(), ctx.now())
      const day = ctx.now().toISOString().slice(0, 10)
      const path = await ctx.ports.files.save(`incident-tray-backup-${day}.zip`, bytes)
      return { path, incidents: ids.length }
    },
    'backup:pickFile': async () => {
      const picker = ctx.ports.filePicker
      if (!picker) return { path: null }
      return { path: await picker.pickFile('Choose an Incident Tray backup', ['zip']) }
    },
    'backup:inspect': ({ path }) => planImport(store, readBackupFile(path)),
    'backup:import': ({ path, replace, restoreSettings }) => {
      const backup = readBackupFile(path)
      const plan = planImport(store, backup)
      const imported = applyImport(store, backup, plan, new Set(replace), ctx.now())
      for (const id of imported) incidents.reload(id)
      const settingsRestored = restoreSettings && backup.settings !== null
      if (backup.settings && restoreSettings) {
        registerSavedShortcuts(ctx.ports.shortcuts, ctx.settings.replace(backup.settings))
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
  }
}
