import { previewTemplate } from '../../domain/comms/outputs'
import { FIXED_VIEW } from '../../domain/comms/sample'
import { incidentViewModel } from '../../domain/incident/view-model'
import type { FeatureHandlers, HostContext } from '../context'

/** The renderer's reads with the rules applied here, on the host's clock (issue 20). */
export function viewHandlers(
  ctx: HostContext,
): FeatureHandlers<'incident:view' | 'comms:previewTemplate'> {
  const { incidents, settings } = ctx
  return {
    'incident:view': ({ id }) => incidentViewModel(incidents.get(id), settings.get(), ctx.now()),
    'comms:previewTemplate': ({ template, text }) => previewTemplate(template, text, FIXED_VIEW),
  }
}
