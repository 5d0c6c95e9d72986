import { toCommsView } from '../../domain/comms/from-incident'
import { textToHtml } from '../../domain/comms/html'
import { renderOutputs } from '../../domain/comms/outputs'
import { statusCommentAt } from '../../domain/comms/status-comment'
import type { Incident } from '../../domain/incident'
import type { PublishKind } from '../../domain/comms/publishing'
import type { Settings } from '../../domain/settings/settings'
import { STATUS_TAGS, type Status } from '../../domain/lifecycle/status'
import { withIncidentNote } from '../../domain/comms/p2-note'

/** The status tag of a status, as WordPress names the tag (without the #). */
export const tagOf = (status: Status) => STATUS_TAGS[status].slice(1)

/**
 * What a publish sends, from the same outputs the Communications panel copies: the P2 post (and
 * its resolved edit) and the P2 status comment, as HTML, with the text for the preview.
 */
export function publishContent(
  incident: Incident,
  settings: Settings,
  kind: PublishKind,
  now: Date,
) {
  const view = toCommsView(incident, settings)
  const render = (output: 'p2-post') =>
    renderOutputs(view, settings.templates, false, output, { html: true }).find(
      (o) => o.id === output,
    )!
  const statusTag = tagOf(incident.status)
  switch (kind) {
    case 'post': {
      const out = render('p2-post')
      return {
        title: out.title ?? incident.title,
        content: withIncidentNote(out.html ?? textToHtml(out.text), incident),
        text: out.text,
        statusTag,
      }
    }
    case 'comment': {
      // As it would be posted now (publishing it posts the update: see postStatusComment).
      const { output } = statusCommentAt(incident, settings, now, { html: true })
      return { content: output.html ?? textToHtml(output.text), text: output.text }
    }
    case 'tags':
      return { content: '', text: `Status tag: ${statusTag} (other tags kept)`, statusTag }
    case 'resolved-edit': {
      const out = render('p2-post')
      const title = out.title ?? incident.title
      return {
        title: /^resolved\b/i.test(title) ? title : `Resolved: ${title}`,
        content: withIncidentNote(out.html ?? textToHtml(out.text), incident),
        text: out.text,
        statusTag: tagOf('resolved'),
      }
    }
  }
}
