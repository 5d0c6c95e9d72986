import { UserError } from '../../domain/incident/errors'
import { maskingPolicy, releaseText } from '../../domain/comms/outgoing'
import type { Incident } from '../../domain/incident'
import { assertCanComplete, retroProblems } from '../../domain/retro/complete'
import { emptyDraft, type RetroDraft } from '../../domain/retro/draft'
import { retroDue } from '../../domain/retro/due'
import { postmortemInput } from '../../domain/retro/from-incident'
import { openActions } from '../../domain/retro/open-actions'
import { renderPostmortem } from '../../domain/retro/postmortem'
import type { RetroView } from '../../shared/ipc-contract'
import { checkMove } from '../../domain/lifecycle/lifecycle'
import { eventStamp, type FeatureHandlers, type HostContext } from '../context'

type RetroChannels =
  | 'retro:get'
  | 'retro:saveDraft'
  | 'retro:choose'
  | 'retro:complete'
  | 'retro:postmortem'
  | 'retro:copy'
  | 'retro:export'
  | 'retro:openActions'
  | 'retro:actionDone'

/** The retrospective: workspace drafts, the due rule, completion, the postmortem, action items. */
export function retroHandlers(ctx: HostContext): FeatureHandlers<RetroChannels> {
  const view = (incident: Incident): RetroView => {
    const draft =
      incident.retro.draft ??
      emptyDraft(incident, ctx.now().toISOString().slice(0, 10), () => ctx.incidents.eventId())
    return {
      due: retroDue(incident, ctx.now(), ctx.settings.get()),
      draft,
      savedAt: incident.retro.draftSavedAt,
      completedAt: incident.retro.completedAt,
      problems: retroProblems(draft),
    }
  }
  // The preview shows what a copy or export will hold: masked by the same function.
  const postmortem = (id: string) => {
    const incident = ctx.incidents.get(id)
    const doc = renderPostmortem(postmortemInput(incident, ctx.settings.get()))
    const policy = maskingPolicy(incident)
    return { markdown: releaseText(doc.markdown, policy), html: releaseText(doc.html, policy) }
  }
  const commit = (id: string, events: Parameters<typeof ctx.incidents.commit>[1]) => {
    const next = ctx.incidents.commit(id, events)
    ctx.changed()
    return next
  }
  const allOpenActions = () =>
    openActions(
      ctx.incidents
        .list()
        .filter((s) => (s.openActionItems ?? 0) > 0)
        .map((s) => ctx.incidents.get(s.id)),
      ctx.now(),
    )

  return {
    'retro:get': ({ id }) => view(ctx.incidents.get(id)),
    'retro:saveDraft': ({ id, draft }) => {
      const incident = ctx.incidents.get(id)
      if (incident.retro.completedAt) {
        throw new UserError(
          'retro-done',
          'This retrospective is complete; its record is kept as it was. Tick action items done from the action items list.',
        )
      }
      // The renderer saves as the user types: an unchanged draft writes nothing.
      if (sameDraft(incident.retro.draft, draft)) return view(incident)
      return view(commit(id, [{ ...eventStamp(ctx, id), type: 'retro.draftSaved', draft }]))
    },
    'retro:choose': ({ id, wanted, reason }) => {
      ctx.incidents.get(id)
      const type = wanted ? 'retro.optedIn' : 'retro.optedOut'
      return view(commit(id, [{ ...eventStamp(ctx, id), type, reason }]))
    },
    'retro:complete': ({ id }) => {
      const incident = ctx.incidents.get(id)
      assertCanComplete(incident)
      // Completing the retrospective is the policy's move Resolved → Reviewed.
      checkMove(incident.status, 'reviewed')
      return view(
        commit(id, [
          { ...eventStamp(ctx, id), type: 'retro.completed' },
          { ...eventStamp(ctx, id), type: 'status.changed', from: incident.status, to: 'reviewed' },
        ]),
      )
    },
    'retro:postmortem': ({ id }) => postmortem(id),
    'retro:copy': ({ id }) => {
      const doc = postmortem(id)
      ctx.ports.clipboard.write({ text: doc.markdown, html: doc.html, incidentId: id })
      return doc
    },
    'retro:export': async ({ id, format }) => {
      const doc = postmortem(id)
      const content = format === 'md' ? doc.markdown : htmlDocument(ctx.incidents.get(id), doc.html)
      const path = await ctx.ports.files.save(`postmortem-${id}.${format}`, content, id)
      return { path }
    },
    'retro:openActions': () => allOpenActions(),
    'retro:actionDone': ({ id, actionId, done }) => {
      const action = ctx.incidents.get(id).retro.draft?.actions.find((a) => a.id === actionId)
      if (!action) {
        throw new UserError('not-found', 'That action item is no longer in the retrospective.')
      }
      if (action.done !== done) {
        commit(id, [
          { ...eventStamp(ctx, id), type: 'retro.actionDone', actionId, title: action.title, done },
        ])
      }
      return allOpenActions()
    },
  }
}

function sameDraft(a: RetroDraft | null, b: RetroDraft): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b)
}

/** A standalone file that opens in any browser with the right characters. */
function htmlDocument(incident: Incident, body: string): string {
  const title = incident.title.replace(/[<>&"]/g, '')
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Postmortem: ${title}</title>\n</head>\n<body>\n${body}</body>\n</html>\n`
}
