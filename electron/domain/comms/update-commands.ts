import { formatInputDateTime } from '../../shared/time'
import type { Audience, AudienceSet } from '../timeline/audience'
import { MINUTE } from './cadence'
import type { CadenceChoice } from './update-events'
import { commsChecklist } from './checklist'
import { checklistInput } from './from-incident'
import type { OutputId } from './outputs'
import { UserError } from '../incident/errors'
import { authorOf, stamp, type CommandContext } from '../command'
import type { NewEvent } from '../events'
import type { Incident } from '../incident'
import { isActive } from '../lifecycle/status'
import type { CadenceChosen, UpdateUndone } from './update-events'

/** How long a copy that counted as posting can be taken back. */
export const UNDO_COPY_MS = 60_000

const base = stamp

export function undoUpdate(
  incident: Incident,
  { updateId }: { updateId: string },
  ctx: CommandContext,
): NewEvent<UpdateUndone>[] {
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
  return [{ ...base(incident, ctx), type: 'update.undone', updateId }]
}

export function chooseCadence(
  incident: Incident,
  { choice }: { choice: CadenceChoice },
  ctx: CommandContext,
): NewEvent<CadenceChosen>[] {
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
  return [{ ...base(incident, ctx), type: 'cadence.chosen', choice }]
}

export function setAudience(
  incident: Incident,
  { itemId, audience }: { itemId: string; audience: Audience },
  ctx: CommandContext,
): NewEvent<AudienceSet>[] {
  const item = incident.timeline.find((i) => i.id === itemId)
  if (!item) throw new UserError('not-found', 'That timeline item is not in this incident.')
  if (item.kind === 'lifecycle' && item.meta) {
    throw new UserError('bookkeeping', 'Copy logs and snoozes stay internal.')
  }
  // Like a timeline entry, by its author.
  const by = authorOf(incident, ctx)
  return [{ ...base(incident, ctx), by, type: 'item.audienceSet', itemId, audience }]
}

/** A status update is due only while the incident is active. */
function assertActive(incident: Incident): void {
  if (!isActive(incident.status)) {
    throw new UserError(
      'not-active',
      `“${incident.title}” is no longer active, so no status update is due.`,
    )
  }
}

/**
 * "Posted an update" made another way (typed on the P2, say): what it said, and when it was
 * posted if not just now. The countdown runs from that time.
 */
export function postUpdate(
  incident: Incident,
  input: { text: string; postedAt?: string },
  ctx: CommandContext,
): NewEvent[] {
  assertActive(incident)
  const { id, incidentId, at, by } = stamp(incident, ctx)
  const posted = input.postedAt ? postedTime(incident, input.postedAt, ctx.now) : null
  return [
    {
      type: 'update.posted',
      id,
      incidentId,
      at,
      by,
      text: input.text,
      ...(posted && posted !== at ? { postedAt: posted } : {}),
    },
  ]
}

/** When an update made elsewhere was posted: not ahead of now, not before the last one counted. */
function postedTime(incident: Incident, postedAt: string, now: Date): string {
  const ms = Date.parse(postedAt)
  if (Number.isNaN(ms)) throw new UserError('bad-time', 'That is not a time.')
  // A minute of slack for clocks that disagree a little.
  if (ms > now.getTime() + MINUTE) {
    throw new UserError('future-time', 'That time is in the future: give when it was posted.')
  }
  const floor = incident.lastUpdateAt ?? incident.recordedAt
  if (ms < Date.parse(floor)) {
    const what = incident.lastUpdateAt ? 'the last update counted' : 'the incident was recorded'
    throw new UserError(
      'too-early',
      `That is before ${what} (${formatInputDateTime(floor, 'UTC')} UTC); give a later time.`,
    )
  }
  return new Date(Math.min(ms, now.getTime())).toISOString()
}

/** "Snooze": the reminder waits this many minutes. */
export function snoozeUpdate(
  incident: Incident,
  input: { minutes: number },
  ctx: CommandContext,
): NewEvent[] {
  assertActive(incident)
  const { minutes } = input
  const until = new Date(ctx.now.getTime() + minutes * MINUTE).toISOString()
  const { id, incidentId, at, by } = stamp(incident, ctx)
  return [{ type: 'update.snoozed', id, incidentId, at, by, minutes, until }]
}

export function setP2Url(
  incident: Incident,
  input: { url: string },
  ctx: CommandContext,
): NewEvent[] {
  return [{ ...stamp(incident, ctx), type: 'comms.p2UrlSet', url: input.url }]
}

/** Ticks a communication checklist item; the same state again writes nothing. */
export function checkItem(
  incident: Incident,
  input: { item: string; done: boolean },
  ctx: CommandContext,
): NewEvent[] {
  const { item, done } = input
  const entry = commsChecklist(checklistInput(incident)).find((i) => i.id === item)
  if (!entry) {
    throw new UserError('not-found', `“${item}” is not on this incident's communication checklist.`)
  }
  if (entry.done === done) return []
  return [{ ...stamp(incident, ctx), type: 'comms.checked', item, label: entry.label, done }]
}

/** A copy of any output but the status comment (which posts): a "Copied" line when asked for. */
export function recordCopy(
  incident: Incident,
  input: { output: OutputId; label: string; log: boolean },
  ctx: CommandContext,
): NewEvent[] {
  if (!input.log) return []
  return [
    { ...stamp(incident, ctx), type: 'comms.copied', output: input.output, label: input.label },
  ]
}
