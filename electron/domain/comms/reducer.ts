import type { Incident } from '../incident'
import type { AudienceSet } from '../timeline/audience'
import { lifecycleItem } from '../timeline/lifecycle-item'
import { CADENCE_CHOICE_LABELS } from './cadence'
import { isPostedUpdate } from './posted-updates'
import type { CommsEvent } from './events'
import { applyPublishEvent, NO_PUBLISHING, type PublishEvent } from './publishing'
import type { UpdateEvent } from './update-events'

export type CommsFamilyEvent = UpdateEvent | CommsEvent | AudienceSet | PublishEvent

/** How updates, the checklist, copies, the P2 address, audiences and publishing change it. */
export function reduceComms(incident: Incident, event: CommsFamilyEvent): Incident {
  const line = (text: string, flags?: { meta?: boolean; internal?: boolean }) =>
    incident.timeline.append(lifecycleItem(event, text, flags))
  switch (event.type) {
    case 'update.posted': {
      const update = {
        text: event.text,
        copied: event.copied ?? false,
        news: event.news ?? true,
        cadence: incident.status === 'pending' ? ('pending' as const) : incident.cadenceChoice,
      }
      const text = update.copied
        ? `Posted an update by copying the status comment${update.news ? '' : ' (nothing new)'}`
        : `Posted an update: ${event.text}`
      const at = event.postedAt ?? event.at
      return {
        ...afterUpdate(incident, at),
        timeline: incident.timeline.append({ ...lifecycleItem(event, text), at, update }),
      }
    }
    case 'update.undone':
      return undoUpdate(incident, event)
    case 'update.snoozed':
      return {
        ...incident,
        snoozedUntil: event.until,
        timeline: line(`Snoozed update reminders for ${event.minutes} min`, { meta: true }),
      }
    case 'cadence.chosen':
      return {
        ...incident,
        cadenceChoice: event.choice,
        timeline: line(`Update cadence: ${CADENCE_CHOICE_LABELS[event.choice]}`, {
          internal: true,
        }),
      }
    case 'item.audienceSet':
      return {
        ...incident,
        audience: { ...incident.audience, [event.itemId]: event.audience },
        timeline: line(
          event.audience === 'public' ? 'Made an item public' : 'Made an item internal',
          { meta: true },
        ),
      }
    case 'comms.checked': {
      const commsChecked = { ...incident.commsChecked }
      if (event.done) commsChecked[event.item] = { at: event.at, by: event.by }
      else delete commsChecked[event.item]
      const text = event.done ? `Done: ${event.label}` : `Not done after all: ${event.label}`
      return { ...incident, commsChecked, timeline: line(text, { meta: true }) }
    }
    case 'comms.copied':
      return { ...incident, timeline: line(`Copied the ${event.label}`, { meta: true }) }
    case 'comms.p2UrlSet':
      return {
        ...incident,
        p2Url: event.url,
        timeline: line(`P2 post: ${event.url}`, { meta: true }),
      }
    case 'publish.queued':
    case 'publish.done':
    case 'publish.failed':
    case 'publish.cancelled':
    case 'publish.claimed':
    case 'publish.unbound': {
      // Older folds (cached before publishing existed) lack the field.
      const { state, text } = applyPublishEvent(incident.publishing ?? NO_PUBLISHING, event)
      return { ...incident, publishing: state, timeline: line(text, { meta: true }) }
    }
    default: {
      const unknown: never = event
      throw new Error(`Comms event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}

/**
 * The incident's clock once an update is posted at `at`: the countdown runs from it, a snooze
 * ends. The status comment's "Next update due" is worked out from this too, so the comment and
 * the countdown name the same instant.
 */
export function afterUpdate<T extends Pick<Incident, 'lastUpdateAt' | 'snoozedUntil'>>(
  incident: T,
  at: string,
): T {
  return { ...incident, lastUpdateAt: at, snoozedUntil: null }
}

/** Takes back a copied update: the item is marked, and the countdown runs from the one before. */
function undoUpdate(incident: Incident, event: Extract<UpdateEvent, { type: 'update.undone' }>) {
  // An edit of an item already there: a copy of the list (copy-on-write).
  const timeline = incident.timeline.copyWith((items) => {
    const at = items.findLastIndex((item) => item.id === event.updateId)
    const undone = items[at]
    if (undone?.kind === 'lifecycle' && undone.update) {
      items[at] = { ...undone, update: { ...undone.update, undone: true }, meta: true }
    }
    items.push(
      lifecycleItem(event, 'Undid the copy: that update does not count as posted', { meta: true }),
    )
  })
  // The countdown runs from the latest update that still counts.
  const last = timeline.findLast(isPostedUpdate)
  return { ...incident, lastUpdateAt: last?.at ?? null, timeline }
}
