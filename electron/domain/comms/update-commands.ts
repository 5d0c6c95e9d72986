import type { Audience, AudienceSet } from '../timeline/audience'
import type { CadenceChoice } from './cadence'
import { UserError } from '../incident/errors'
import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import { isActive } from '../lifecycle/status'
import type { CadenceChosen, UpdatePosted, UpdateUndone } from './update-events'

interface Ctx {
  eventId: string
  now: Date
  by: string
}

/** How long a copy that counted as posting can be taken back. */
export const UNDO_COPY_MS = 60_000

const base = (incident: Incident, ctx: Ctx) => ({
  id: ctx.eventId,
  incidentId: incident.id,
  at: ctx.now.toISOString(),
  by: ctx.by,
})

/**
 * Copying the status comment is posting it: the update counts, the countdown starts again and the
 * next comment starts after it. Null when there is nothing to count (a closed incident).
 */
export function postByCopy(
  incident: Incident,
  comment: { text: string; news: boolean },
  ctx: Ctx,
): NewEvent<UpdatePosted> | null {
  if (!isActive(incident.status)) return null
  return {
    ...base(incident, ctx),
    type: 'update.posted',
    text: comment.text,
    copied: true,
    news: comment.news,
  }
}

export function undoUpdate(incident: Incident, updateId: string, ctx: Ctx): NewEvent<UpdateUndone> {
  const item = incident.timeline.findLast((i) => i.id === updateId)
  if (!item || item.kind !== 'lifecycle' || !item.update?.copied) {
    throw new UserError('not-found', 'There is no copied update to take back.')
  }
  if (item.update.undone) throw new UserError('already-undone', 'That copy was already taken back.')
  if (ctx.now.getTime() - Date.parse(item.at) > UNDO_COPY_MS) {
    throw new UserError(
      'too-late',
      'A copy can be taken back for a minute only; it counts as posted. If it was not posted, post the next update when it is due.',
    )
  }
  return { ...base(incident, ctx), type: 'update.undone', updateId }
}

export function chooseCadence(
  incident: Incident,
  choice: CadenceChoice,
  ctx: Ctx,
): NewEvent<CadenceChosen> {
  if (!isActive(incident.status)) {
    throw new UserError(
      'not-active',
      `“${incident.title}” is no longer active: no updates are due.`,
    )
  }
  if (choice !== 'policy' && incident.status === 'pending') {
    throw new UserError(
      'not-stabilized',
      'Until it is stabilized, updates follow the policy (hourly for Severity 1, daily otherwise). The lead can choose once it is Stabilized.',
    )
  }
  if (incident.cadenceChoice === choice) {
    throw new UserError('unchanged', 'That is the cadence already.')
  }
  return { ...base(incident, ctx), type: 'cadence.chosen', choice }
}

export function setAudience(
  incident: Incident,
  itemId: string,
  audience: Audience,
  ctx: Ctx,
): NewEvent<AudienceSet> {
  const item = incident.timeline.find((i) => i.id === itemId)
  if (!item) throw new UserError('not-found', 'That timeline item is not in this incident.')
  if (item.kind === 'lifecycle' && item.meta) {
    throw new UserError('bookkeeping', 'Copy logs and snoozes stay internal.')
  }
  return { ...base(incident, ctx), type: 'item.audienceSet', itemId, audience }
}
