import type { Command } from '../../domain/command'
import * as retro from '../../domain/retro/commands'
import { maskingPolicy, releaseText } from '../../domain/comms/outgoing'
import type { Incident } from '../../domain/incident'
import { retroProblems } from '../../domain/retro/complete'
import { emptyDraft } from '../../domain/retro/draft'
import { retroDue } from '../../domain/retro/due'
import { postmortemInput } from '../../domain/retro/from-incident'
import { openActions } from '../../domain/retro/open-actions'
import { renderPostmortem } from '../postmortem'
import type { RetroView } from '../../shared/ipc-contract'
import type { FeatureHandlers, HostContext } from '../context'

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
  const viewAfter = <I>(id: string, command: Command<I>, input: I) =>
    view(ctx.incidents.run(id, command, input).incident)
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
    'retro:saveDraft': ({ id, ...input }) => viewAfter(id, retro.saveDraft, input),
    'retro:choose': ({ id, ...input }) => viewAfter(id, retro.chooseRetro, input),
    'retro:complete': ({ id }) => viewAfter(id, retro.completeRetro, {}),
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
    'retro:actionDone': ({ id, ...input }) => {
      ctx.incidents.execute(id, retro.markActionDone, input)
      return allOpenActions()
    },
  }
}

/** A standalone file that opens in any browser with the right characters. */
function htmlDocument(incident: Incident, body: string): string {
  const title = incident.title.replace(/[<>&"]/g, '')
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Postmortem: ${title}</title>\n</head>\n<body>\n${body}</body>\n</html>\n`
}
