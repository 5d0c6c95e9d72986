import { z } from 'zod'
import type { IncidentSummary } from '../domain/incident'
import type { IncidentViewModel } from '../domain/incident/view-model'
import type { KeyMomentChoice } from '../domain/retro/from-incident'
import { TEMPLATE_IDS } from '../domain/comms/defaults'
import type { Spec } from './ipc-contract'

export type { IncidentViewModel, StatusMove } from '../domain/incident/view-model'
export type { KeyMomentChoice } from '../domain/retro/from-incident'

/** A template rendered on the sample incident exactly as Copy renders it, or what is wrong. */
export type TemplatePreview = { ok: true; text: string } | { ok: false; error: string }

/** Pushed after a change to one incident: its new version and summary (issue 21). */
export interface IncidentChanged {
  id: string
  version: number
  summary: IncidentSummary
}

/** The renderer's reads that apply the host's rules (issue 20). */
export function viewContract(
  spec: <O>() => { of: <I extends z.ZodType>(input: I) => Spec<I, O> },
  IncidentId: z.ZodString,
) {
  return {
    /** What the renderer shows: the incident without its timeline (paged by `timeline:window`). */
    'incident:view': spec<IncidentViewModel>().of(z.object({ id: IncidentId }).strict()),
    /** The moments the retro may pick, masked as the postmortem prints them. */
    'retro:keyMoments': spec<KeyMomentChoice[]>().of(z.object({ id: IncidentId }).strict()),
    /** The settings' template preview, rendered by the same code as Copy. */
    'comms:previewTemplate': spec<TemplatePreview>().of(
      z
        .object({
          template: z.enum(TEMPLATE_IDS, { error: 'That is not one of the templates.' }),
          text: z.string().max(20_000, 'A template is limited to 20,000 characters.'),
        })
        .strict(),
    ),
  }
}
