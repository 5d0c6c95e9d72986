import { stamp, type CommandContext } from '../command'
import { UserError } from '../incident/errors'
import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import { isActive } from '../lifecycle/status'
import { NO_P2_FOLLOW } from './p2-events'

/** "Not an update": a P2 comment that counted as a posted update stops counting. */
export function notAnUpdate(
  incident: Incident,
  { commentId }: { commentId: number },
  ctx: CommandContext,
): NewEvent[] {
  const itemId = (incident.p2 ?? NO_P2_FOLLOW).comments[String(commentId)]
  const item = itemId ? incident.timeline.findLast((i) => i.id === itemId) : undefined
  if (item?.kind !== 'lifecycle' || !item.p2) {
    throw new UserError('not-found', 'That P2 comment is not on this incident’s timeline.')
  }
  if (!item.update || item.update.undone) {
    throw new UserError('not-counted', 'That comment does not count as an update already.')
  }
  return [{ ...stamp(incident, ctx), type: 'p2.notUpdate', commentId }]
}

/** "Keep mine": the app's status over the P2's tag; the app's tag is then sent to the post. */
export function keepMine(incident: Incident, ctx: CommandContext): NewEvent[] {
  const remote = incident.p2?.remote
  if (!remote?.status || remote.status === incident.status) {
    throw new UserError('agrees', 'The P2 post already carries this status.')
  }
  if (!isActive(incident.status) && incident.status !== 'resolved') {
    throw new UserError('not-active', `“${incident.title}” is closed: its tag is not changed.`)
  }
  return [{ ...stamp(incident, ctx), type: 'p2.tagKept', status: incident.status }]
}
