import { previewTemplate } from '../../domain/comms/preview-template'
import { FIXED_VIEW } from '../../domain/comms/sample'
import { incidentViewModel } from '../../domain/incident/view-model'
import { keyMomentChoices } from '../../domain/retro/from-incident'
import type { FeatureHandlers, HostContext } from '../context'

/** The renderer's reads with the rules applied here, on the host's clock (issue 20). */
export function viewHandlers(
  ctx: HostContext,
): FeatureHandlers<'incident:view' | 'comms:previewTemplate' | 'retro:keyMoments'> {
  const { incidents, settings } = ctx
  return {
    'incident:view': ({ id }) => incidentViewModel(incidents.get(id), settings.get(), ctx.now()),
    'retro:keyMoments': ({ id }) => keyMomentChoices(incidents.get(id)),
    'comms:previewTemplate': ({ template, text }) => previewTemplate(template, text, FIXED_VIEW),
  }
}
