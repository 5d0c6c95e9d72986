import { commsChecklist, openItems } from '../../domain/comms/checklist'
import { checklistInput, toCommsView } from '../../domain/comms/from-incident'
import { renderHandoff } from '../../domain/comms/handoff'
import {
  outputPreview,
  outputTab,
  renderOutputs,
  type Output,
  type OutputId,
} from '../../domain/comms/outputs'
import { UserError } from '../../domain/incident/errors'
import { checkItem, recordCopy, setP2Url, UNDO_COPY_MS } from '../../domain/comms/update-commands'
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
    'comms:outputs': ({ id, here, show }) => {
      const incident = ctx.incidents.get(id)
      const outputs = outputsOf(incident, here, show, false)
      const shown = outputs.find((o) => o.id === show) ?? outputs[0]!
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
  { id, output, part, here, log }: ChannelParsed<'comms:copy'>,
): ChannelOutput<'comms:copy'> {
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
  // Copy is posting: the status comment counts as the update (undo for a minute).
  const { events } = ctx.incidents.run(id, recordCopy, {
    output,
    label: found.label,
    text: found.text,
    news: view.sinceLastUpdate.length > 0,
    log,
  })
  const posted = events.find((e) => e.type === 'update.posted')
  return {
    ...found,
    copied: found.text,
    ...(posted
      ? {
          posted: {
            updateId: posted.id,
            undoUntil: new Date(ctx.now().getTime() + UNDO_COPY_MS).toISOString(),
          },
        }
      : {}),
  }
}
