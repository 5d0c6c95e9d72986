import { stamp, type CommandContext } from '../command'
import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import type { Cadence, Reminders } from './cadence'
import { toCommsView } from './from-incident'
import { renderOutputs, type Output, type Templates } from './outputs'
import type { UpdatePosted } from './update-events'
import { HEADLINE_MAX } from './view'

/** What rendering a status comment needs of the settings. */
export interface CommentSettings {
  cadence: Cadence
  reminders: Reminders
  templates: Templates
}

/**
 * The P2 status comment as it reads when posted at `at`: what is new since the last update, and
 * "Next update due" as the incident has it once this update counts. The preview shows this, and
 * posting records exactly this text.
 */
export function statusCommentAt(
  incident: Incident,
  settings: CommentSettings,
  at: Date,
  options: { headline?: string; html?: boolean } = {},
): { output: Output; news: boolean } {
  const view = toCommsView(incident, settings, { postedAt: at.toISOString() })
  const headline = options.headline?.trim().replace(/\s+/g, ' ').slice(0, HEADLINE_MAX)
  const output = renderOutputs(
    headline ? { ...view, headline } : view,
    settings.templates,
    false,
    'p2-comment',
    { html: options.html ?? false },
  ).find((o) => o.id === 'p2-comment')!
  return {
    output: { ...output, headline: headline || view.headline },
    news: view.sinceLastUpdate.length > 0 || view.announced !== null,
  }
}

/**
 * Posting the status comment (copied or published): the update counts, the countdown starts
 * again from now, and the event keeps the comment as posted, so later outputs say it once.
 * A closed incident's comment (resolved, reviewed) counts too: the next one starts after it.
 */
export function postStatusComment(
  incident: Incident,
  input: { settings: CommentSettings; headline?: string },
  ctx: CommandContext,
): [NewEvent<UpdatePosted>] {
  const { output, news } = statusCommentAt(incident, input.settings, ctx.now, {
    headline: input.headline,
  })
  return [{ ...stamp(incident, ctx), type: 'update.posted', text: output.text, copied: true, news }]
}
