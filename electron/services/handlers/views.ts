import { previewTemplate } from '../../domain/comms/preview-template'
import { FIXED_VIEW } from '../../domain/comms/sample'
import { incidentViewModel } from '../../domain/incident/view-model'
import { keyMomentChoices } from '../../domain/retro/from-incident'
import { runbooksForAlarm } from '../../domain/settings/runbooks'
import type { FeatureHandlers, HostContext } from '../context'

/** The renderer's reads with the rules applied here, on the host's clock. */
export function viewHandlers(
  ctx: HostContext,
): FeatureHandlers<
  'incident:view' | 'comms:previewTemplate' | 'retro:keyMoments' | 'runbook:forAlarm'
> {
  const { incidents, settings } = ctx
  return {
    'incident:view': ({ id }) => incidentViewModel(incidents.get(id), settings.get(), ctx.now()),
    'retro:keyMoments': ({ id }) => keyMomentChoices(incidents.get(id)),
    'runbook:forAlarm': ({ name }) => runbooksForAlarm(settings.get().runbooks, name),
    'comms:previewTemplate': ({ template, text }) => previewTemplate(template, text, FIXED_VIEW),
  }
}
