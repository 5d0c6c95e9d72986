import { checkRunbookStep, linkRunbook } from '../../domain/mitigation/commands'
import { PickedPaths } from '../picked-paths'
import { runbookId, type Runbook } from '../../domain/settings/runbooks'
import type { FeatureHandlers, HostContext } from '../context'
import { readRunbookFolder } from '../runbook-import'

/** The runbook library (in settings) and an incident's linked runbook with its step checklist. */
export function runbookHandlers(
  ctx: HostContext,
): FeatureHandlers<
  'runbook:add' | 'runbook:import' | 'runbook:pickFolder' | 'runbook:link' | 'runbook:check'
> {
  /** Same title, same id: adding or importing again replaces instead of doubling. */
  const save = (added: Runbook[]) => {
    const ids = new Set(added.map((r) => r.id))
    const kept = ctx.settings.get().runbooks.filter((r) => !ids.has(r.id))
    ctx.settings.update({ runbooks: [...kept, ...added] })
    ctx.changed()
  }
  const picked = new PickedPaths()
  return {
    'runbook:add': (input) => {
      const runbook: Runbook = { ...input, id: runbookId(input.title) }
      save([runbook])
      return runbook
    },
    'runbook:import': ({ folder }) => {
      const { runbooks, report } = readRunbookFolder(picked.path(folder, 'folder'))
      if (runbooks.length) save(runbooks)
      return report
    },
    'runbook:pickFolder': async () => {
      const picker = ctx.ports.folderPicker
      const path = picker ? await picker.pickFolder('Choose a folder of Markdown runbooks') : null
      return { token: path === null ? null : picked.remember(path, 'folder'), path }
    },
    'runbook:link': ({ id, runbookId: wanted }) =>
      ctx.incidents.execute(id, linkRunbook, {
        runbook: ctx.settings.get().runbooks.find((r) => r.id === wanted),
      }),
    'runbook:check': ({ id, ...input }) => ctx.incidents.execute(id, checkRunbookStep, input),
  }
}
