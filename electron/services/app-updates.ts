import { updateOffer, type UpdateAction, type UpdateState } from '../domain/app-update/policy'
import { withUpdateItem } from '../domain/app-update/tray'
import { UserError } from '../domain/incident/errors'
import type { TrayModel } from '../domain/incident/tray-model'
import type { AppUpdateView } from '../shared/app-update-contract'
import type { HostPush } from '../shared/ipc-contract'
import type { FeatureHandlers, HostContext } from './context'
import { releasePage } from './release-notes'

const NOT_HERE: UpdateState = { kind: 'off', reason: 'not-configured' }

/**
 * The app's updates on the host: the policy applied to the updater's state and the active
 * incidents, for Settings → About, the window's notice and the tray. It tells the updater whether
 * quitting may install (never while an incident is active) and whether to check by itself.
 */
export function appUpdates(
  ctx: HostContext,
  pushes: { push(push: HostPush): void },
  trayChanged: () => void,
) {
  const updater = ctx.ports.updater
  const state = () => updater?.state() ?? NOT_HERE
  const active = () => ctx.incidents.active().length
  const offer = (action: UpdateAction = 'none') =>
    updateOffer(state(), active(), ctx.ports.clock.now(), action)
  const view = (): AppUpdateView => {
    const current = state()
    const { status, notice } = offer()
    return {
      version: updater?.version() ?? '',
      state: current,
      status,
      notice,
      notes: current.kind === 'ready' ? current.notes : '',
      releaseUrl: current.kind === 'ready' ? releasePage(current.releaseUrl) : undefined,
    }
  }
  // What the updater was last told, so it hears only changes.
  let installOnQuit: boolean | undefined
  let automatic: boolean | undefined
  let lastView: string | undefined
  const sync = () => {
    const allowed = offer().installOnQuit
    if (allowed !== installOnQuit) updater?.setInstallOnQuit((installOnQuit = allowed))
    const on = ctx.settings.get().updates.checkAutomatically
    if (on !== automatic) updater?.setAutomatic((automatic = on))
    const next = view()
    const key = JSON.stringify(next)
    // The first look only sets what the updater is told: the windows ask for the view.
    if (lastView !== undefined && key !== lastView) {
      pushes.push({ channel: 'appUpdate:changed', payload: next })
      trayChanged()
    }
    lastView = key
  }
  sync()
  updater?.onChange(sync)
  ctx.onChanged(() => sync())
  const handlers: FeatureHandlers<'appUpdate:get' | 'appUpdate:check' | 'appUpdate:install'> = {
    'appUpdate:get': () => view(),
    'appUpdate:check': () => {
      const outcome = offer('check').outcome
      if (outcome.kind === 'refused') throw new UserError('updates-off', outcome.message)
      if (outcome.kind === 'check') updater?.check()
      return view()
    },
    'appUpdate:install': () => {
      const outcome = offer('install').outcome
      if (outcome.kind === 'refused') throw new UserError('update-waits', outcome.message)
      if (outcome.kind === 'install') updater?.install()
      return view()
    },
  }
  return {
    handlers,
    tray: (model: TrayModel) => withUpdateItem(model, offer()),
  }
}
