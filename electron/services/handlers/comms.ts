import { commsChecklist, openItems } from '../../domain/comms/checklist'
import { checklistInput, toCommsView } from '../../domain/comms/from-incident'
import { renderHandoff } from '../../domain/comms/handoff'
import {
  commentOutput,
  outputPreview,
  outputTab,
  renderOutputs,
  type Output,
  type OutputId,
} from '../../domain/comms/outputs'
import { textToHtml } from '../../domain/comms/html'
import { UserError } from '../../domain/incident/errors'
import { checkItem, recordCopy, setP2Url, UNDO_COPY_MS } from '../../domain/comms/update-commands'
import { postStatusComment, statusCommentAt } from '../../domain/comms/status-comment'
import { STATUS_TAGS } from '../../domain/lifecycle/status'
import type { Incident } from '../../domain/incident'
import type { ChannelOutput, ChannelParsed } from '../../shared/ipc-contract'
import type { FeatureHandlers, HostContext } from '../context'

/** Every output the runbook asks for, rendered in the host so preview and clipboard agree. */
export function commsHandlers(
  ctx: HostContext,
): FeatureHandlers<
  'comms:outputs' | 'comms:copy' | 'comms:check' | 'comms:setP2Url' | 'comms:handoff'
> {
  const outputsOf = (incident: Incident, here: boolean, only: OutputId, html: boolean) =>
    renderOutputs(
      toCommsView(incident, ctx.settings.get()),
      ctx.settings.get().templates,
      here,
      only,
      { html },
    )
  const checklist = (incident: Incident) => commsChecklist(checklistInput(incident))

  return {
    'comms:outputs': ({ id, here, show, headline }) => {
      const incident = ctx.incidents.get(id)
      const outputs = outputsOf(incident, here, show, false)
      // The status comment as it would be posted now: the copy gives the same text this minute.
      const shown =
        show === 'p2-comment'
          ? statusCommentAt(incident, ctx.settings.get(), ctx.now(), { headline }).output
          : (outputs.find((o) => o.id === show) ?? outputs[0]!)
      return {
        tabs: outputs.map(outputTab),
        shown: outputPreview(shown),
        checklist: checklist(incident),
      }
    },
    'comms:copy': (input) => copyOutput(ctx, input),
    'comms:check': ({ id, ...input }) =>
      checklist(ctx.incidents.run(id, checkItem, input).incident),
    'comms:setP2Url': ({ id, ...input }) => ctx.incidents.execute(id, setP2Url, input),
    'comms:handoff': ({ copy }) => {
      const views = ctx.incidents
        .list()
        .filter((s) => s.active)
        .map((s) => {
          const incident = ctx.incidents.get(s.id)
          return {
            ...toCommsView(incident, ctx.settings.get()),
            pending: openItems(checklist(incident)),
          }
        })
      const text = renderHandoff(views, ctx.now().toISOString())
      if (copy) ctx.ports.clipboard.write({ text })
      return { text }
    },
  }
}

/** Copies an output's body (or title); copying the status comment counts as posting it. */
function copyOutput(
  ctx: HostContext,
  { id, output, part, here, log, headline }: ChannelParsed<'comms:copy'>,
): ChannelOutput<'comms:copy'> {
  if (output === 'p2-comment' && part === 'body') return postComment(ctx, id, headline)
  const incident = ctx.incidents.get(id)
  const view = toCommsView(incident, ctx.settings.get())
  const found: Output | undefined = renderOutputs(
    view,
    ctx.settings.get().templates,
    here,
    output,
  ).find((o) => o.id === output)
  if (!found) throw new UserError('not-found', `There is no output called ${output}.`)
  if (part === 'title') {
    if (!found.title) throw new UserError('no-title', `The ${found.label} has no title.`)
    ctx.ports.clipboard.write({ text: found.title, incidentId: id })
    return { ...found, copied: found.title }
  }
  ctx.ports.clipboard.write(
    found.html
      ? { text: found.text, html: found.html, incidentId: id }
      : { text: found.text, incidentId: id },
  )
  ctx.incidents.run(id, recordCopy, { output, label: found.label, log })
  return { ...found, copied: found.text }
}

/**
 * Copy is posting: one command records the update and renders the comment from the incident as it
 * is once the update counts; the clipboard gets exactly the text the event keeps.
 */
function postComment(
  ctx: HostContext,
  id: string,
  headline: string | undefined,
): ChannelOutput<'comms:copy'> {
  const { events, incident } = ctx.incidents.run(id, postStatusComment, {
    settings: ctx.settings.get(),
    headline,
  })
  const posted = events.find((e) => e.type === 'update.posted')
  if (!posted) throw new Error('Posting the status comment recorded no update.')
  const found = { ...commentOutput(STATUS_TAGS[incident.status], posted.text) }
  found.html = textToHtml(found.text)
  ctx.ports.clipboard.write({ text: found.text, html: found.html, incidentId: id })
  return {
    ...found,
    copied: found.text,
    posted: {
      updateId: posted.id,
      undoUntil: new Date(ctx.now().getTime() + UNDO_COPY_MS).toISOString(),
    },
  }
}
