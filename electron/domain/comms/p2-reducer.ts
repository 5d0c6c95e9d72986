import type { Incident } from '../incident'
import { STATUS_LABELS } from '../lifecycle/status'
import { lifecycleItem } from '../timeline/lifecycle-item'
import type { LifecycleItem, TimelineList } from '../timeline/timeline'
import {
  NO_P2_FOLLOW,
  type P2CommentEdited,
  type P2CommentRead,
  type P2Event,
  type P2Follow,
} from './p2-events'
import { isPostedUpdate } from './posted-updates'
import { NO_PUBLISHING } from './publishing'

/** How what is read back from the P2 changes the incident. */
export function reduceP2(incident: Incident, event: P2Event): Incident {
  const p2 = incident.p2 ?? NO_P2_FOLLOW
  const line = (text: string) =>
    incident.timeline.append(lifecycleItem(event, text, { meta: true }))
  switch (event.type) {
    case 'p2.commentRead':
      return commentRead(incident, p2, event)
    case 'p2.notUpdate':
    case 'p2.commentGone':
      return changeComment(incident, p2, event.commentId, event.type === 'p2.commentGone')
    case 'p2.commentEdited':
      return commentEdited(incident, p2, event)
    case 'p2.tagRead': {
      const shown = event.status ? STATUS_LABELS[event.status] : event.tag || 'no status tag'
      const remote = { tag: event.tag, status: event.status, changedAt: event.changedAt }
      // A line only when the P2 says something else than the app: its own tag read back is no news.
      return {
        ...incident,
        p2: { ...p2, remote },
        ...(event.status !== incident.status
          ? { timeline: line(`The P2 post's status tag is now ${event.tag || 'gone'} (${shown})`) }
          : {}),
      }
    }
    case 'p2.tagKept':
      return {
        ...incident,
        p2: { ...p2, remote: null },
        timeline: line(`Kept ${STATUS_LABELS[event.status]} over the P2's status tag`),
      }
    case 'p2.unreachable':
      return {
        ...incident,
        p2: { ...p2, unreachableSince: event.since },
        timeline: line(`The P2 is not reachable: ${event.reason}`),
      }
    case 'p2.bound':
      return {
        ...incident,
        p2Url: event.link,
        publishing: {
          ...(incident.publishing ?? NO_PUBLISHING),
          post: { id: event.postId, link: event.link },
          foreignPost: null,
        },
        lastUpdateAt: incident.lastUpdateAt ?? event.postedAt,
        p2: { ...p2, postedAt: event.postedAt },
        timeline: incident.timeline.append(
          lifecycleItem(event, `Opened from the P2 post ${event.link}`, { internal: true }),
        ),
      }
    case 'p2.reachable':
      return {
        ...incident,
        p2: { ...p2, unreachableSince: null },
        timeline: line('The P2 is reachable again'),
      }
    default: {
      const unknown: never = event
      throw new Error(`P2 event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}

function commentRead(incident: Incident, p2: P2Follow, event: P2CommentRead): Incident {
  const key = String(event.commentId)
  // Keyed by the site's comment id: a comment read again changes nothing.
  if (Object.hasOwn(p2.comments, key)) return incident
  const newest =
    p2.newestCommentAt && p2.newestCommentAt > event.postedAt ? p2.newestCommentAt : event.postedAt
  if (event.matches) {
    // The text of an update recorded here, pasted on the P2 by hand: that update, not a second.
    return {
      ...incident,
      p2: { ...p2, newestCommentAt: newest, comments: { ...p2.comments, [key]: event.matches } },
    }
  }
  const item: LifecycleItem = {
    ...lifecycleItem(event, `On the P2, ${event.author}: ${event.text}`),
    at: event.postedAt,
    publicText: event.text,
    p2: {
      commentId: event.commentId,
      author: event.author,
      ...(event.link ? { link: event.link } : {}),
      ...(event.cut ? { cut: true as const } : {}),
    },
    ...(event.counts
      ? { update: { text: event.text, copied: false, news: true, cadence: cadenceOf(incident) } }
      : {}),
  }
  const timeline = insertItem(incident.timeline, item)
  return withClock(
    {
      ...incident,
      p2: { ...p2, newestCommentAt: newest, comments: { ...p2.comments, [key]: item.id } },
    },
    timeline,
  )
}

/** A comment edited on the site: its item shows the new text, marked edited; nothing else moves. */
function commentEdited(incident: Incident, p2: P2Follow, event: P2CommentEdited): Incident {
  const itemId = p2.comments[String(event.commentId)]
  if (itemId === undefined) return incident
  const timeline = incident.timeline.copyWith((items) => {
    const at = items.findLastIndex((i) => i.id === itemId)
    const item = items[at]
    if (item?.kind !== 'lifecycle' || !item.p2) return
    const facts = { ...item.p2 }
    delete facts.cut
    items[at] = {
      ...item,
      text: `On the P2, ${item.p2.author}: ${event.text}${item.p2.gone ? ' (deleted on the P2)' : ''}`,
      publicText: event.text,
      p2: { ...facts, edited: true, ...(event.cut ? { cut: true as const } : {}) },
      ...(item.update ? { update: { ...item.update, text: event.text } } : {}),
    }
  })
  return { ...incident, timeline }
}

function cadenceOf(incident: Incident) {
  return incident.status === 'pending' ? ('pending' as const) : incident.cadenceChoice
}

/** A comment that stops counting as an update ("Not an update"), or is gone from the site. */
function changeComment(incident: Incident, p2: P2Follow, commentId: number, gone: boolean) {
  const itemId = p2.comments[String(commentId)]
  if (itemId === undefined) return incident
  const timeline = incident.timeline.copyWith((items) => {
    const at = items.findLastIndex((i) => i.id === itemId)
    const item = items[at]
    if (item?.kind !== 'lifecycle' || !item.p2) return
    const p2Facts = gone ? { ...item.p2, gone: true as const } : item.p2
    const update = item.update ? { ...item.update, undone: true } : undefined
    items[at] = {
      ...item,
      p2: p2Facts,
      ...(gone ? { text: `${item.text} (deleted on the P2)` } : {}),
      ...(update ? { update } : {}),
    }
  })
  return withClock(incident, timeline)
}

/** The countdown runs from the latest update that counts, wherever it was posted. */
function withClock(incident: Incident, timeline: TimelineList): Incident {
  const last = timeline.findLast(isPostedUpdate)
  const p2 = incident.p2 ?? NO_P2_FOLLOW
  const lastUpdateAt = last?.at ?? null
  const changed = lastUpdateAt !== incident.lastUpdateAt
  return {
    ...incident,
    timeline,
    lastUpdateAt,
    ...(changed ? { snoozedUntil: null } : {}),
    p2: {
      ...p2,
      lastRemoteUpdate: last?.p2 ? { at: last.at, by: last.p2.author } : null,
    },
  }
}

/** A comment posted before items already on the timeline goes in its place (copy of the list). */
function insertItem(timeline: TimelineList, item: LifecycleItem): TimelineList {
  const last = timeline.at(-1)
  if (!last || last.at <= item.at) return timeline.append(item)
  return timeline.copyWith((items) => {
    let at = items.length
    while (at > 0 && items[at - 1]!.at > item.at) at--
    items.splice(at, 0, item)
  })
}
