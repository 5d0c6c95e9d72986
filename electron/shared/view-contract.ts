import { z } from 'zod'
import type { IncidentSummary } from '../domain/incident'
import type { IncidentViewModel } from '../domain/incident/view-model'
import type { KeyMomentChoice } from '../domain/retro/from-incident'
import type { Runbook } from '../domain/settings/runbooks'
import { TEMPLATE_IDS } from '../domain/comms/defaults'
import type { Spec } from './ipc-contract'

export type { IncidentViewModel, StatusMove } from '../domain/incident/view-model'
export type { KeyMomentChoice } from '../domain/retro/from-incident'

/** A template rendered on the sample incident exactly as Copy renders it, or what is wrong. */
export type TemplatePreview = { ok: true; text: string } | { ok: false; error: string }

/** Pushed after a change to one incident: its new version and summary. */
export interface IncidentChanged {
  id: string
  version: number
  summary: IncidentSummary
}

/** The renderer's reads that apply the host's rules: what it shows is computed on the host. */
export function viewContract(
  spec: <O>() => { of: <I extends z.ZodType>(input: I) => Spec<I, O> },
  IncidentId: z.ZodString,
) {
  return {
    /** What the renderer shows: the incident without its timeline (paged by `timeline:window`). */
    'incident:view': spec<IncidentViewModel>().of(z.object({ id: IncidentId }).strict()),
    /** The moments the retro may pick, masked as the postmortem prints them. */
    'retro:keyMoments': spec<KeyMomentChoice[]>().of(z.object({ id: IncidentId }).strict()),
    /** The runbooks that cover an alarm name as the user types it (case and spacing ignored). */
    'runbook:forAlarm': spec<Runbook[]>().of(
      z
        .object({ name: z.string().max(200, 'An alarm name is limited to 200 characters.') })
        .strict(),
    ),
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
