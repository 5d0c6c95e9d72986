import { ZodError } from 'zod'
import { UserError } from '../../domain/incident/errors'
import type { Settings } from '../../domain/settings/settings'
import {
  displayAccelerator,
  normalizeAccelerator,
  sharedShortcut,
  SHORTCUT_LABELS,
  type ShortcutAction,
  type Shortcuts,
} from '../../domain/settings/shortcuts'
import type { FeatureHandlers, HostContext } from '../context'
import { describeIssues } from '../dispatch'
import type { ShortcutRegistrar } from '../ports'

/** The message for shortcuts the OS refused (another app or the system holds them). */
function takenMessage(shortcuts: Shortcuts, refused: string[]): string {
  const names = refused.map((accelerator) => {
    const action = (Object.keys(SHORTCUT_LABELS) as ShortcutAction[]).find(
      (a) => normalizeAccelerator(shortcuts[a]) === normalizeAccelerator(accelerator),
    )
    const shown = displayAccelerator(accelerator, false)
    return action ? `${shown} ("${SHORTCUT_LABELS[action]}")` : shown
  })
  return `${names.join(' and ')} ${refused.length > 1 ? 'are' : 'is'} already taken by another app or by the system. Choose another shortcut.`
}

/** Registers the saved shortcuts at start; returns notices for any the OS refused. */
export function registerSavedShortcuts(registrar: ShortcutRegistrar, settings: Settings): string[] {
  const { refused } = registrar.register(settings.shortcuts)
  return refused.length
    ? [`${takenMessage(settings.shortcuts, refused)} (Settings → Global shortcuts)`]
    : []
}

/**
 * settings:update: validates the whole result (cross-field rules too), refuses a shortcut shared by
 * two actions or refused by the OS, and only then saves: a refused change writes nothing.
 */
export function settingsHandlers(ctx: HostContext): FeatureHandlers<'settings:update'> {
  const { settings, ports } = ctx
  return {
    'settings:update': (patch) => {
      const before = settings.get()
      let next: Settings
      try {
        next = settings.preview(patch)
      } catch (err) {
        if (err instanceof ZodError) throw new UserError('invalid-settings', describeIssues(err))
        throw err
      }
      const shared = sharedShortcut(next.shortcuts)
      if (shared) throw new UserError('shortcut-shared', shared)
      const shortcutsChanged = (Object.keys(SHORTCUT_LABELS) as ShortcutAction[]).some(
        (a) => before.shortcuts[a] !== next.shortcuts[a],
      )
      if (shortcutsChanged) {
        const { refused } = ports.shortcuts.register(next.shortcuts)
        if (refused.length) {
          // Put the working set back, so a refused change leaves every shortcut as it was.
          ports.shortcuts.register(before.shortcuts)
          throw new UserError('shortcut-taken', takenMessage(next.shortcuts, refused))
        }
      }
      if (before.openAtLogin !== next.openAtLogin) ports.desktop.setOpenAtLogin(next.openAtLogin)
      const saved = settings.update(patch)
      ctx.changed()
      return saved
    },
  }
}

/** The data folder: its path, and opening it in the file manager. */
export function dataFolderHandlers(
  ctx: HostContext,
): FeatureHandlers<'dataFolder:get' | 'dataFolder:open'> {
  return {
    'dataFolder:get': () => ({ path: ctx.dataDir }),
    'dataFolder:open': async () => {
      const problem = await ctx.ports.desktop.openFolder(ctx.dataDir)
      if (problem)
        throw new UserError(
          'open-folder-failed',
          `The data folder could not be opened (${problem}). It is at ${ctx.dataDir}.`,
        )
      return { path: ctx.dataDir }
    },
  }
}
