import type { IncidentEvent } from '../events'
import { Timeline } from './list'
import { ACTION_LABELS, type EntryAdded, type EntryContent, type TimelineEvent } from './events'

/** An automatic entry from the lifecycle (recording, status, severity, lead changes). */
export interface LifecycleItem {
  id: string
  kind: 'lifecycle'
  /** When it happened (ISO). */
  at: string
  /** When it was written down (ISO). */
  writtenAt: string
  by: string
  text: string
  /** Bookkeeping (a copy, a ticked checklist item, a snooze): kept, but left out of reports. */
  meta?: true
  /** Internal by default (a handover, a key-time edit): outputs leave it out unless made public. */
  internal?: true
  /** A posted status update: outputs show what it said, once, never the "Posted an update" echo. */
  update?: UpdateFacts
  /** The line as outputs say it, where it differs from `text` (no name of who made the move). */
  publicText?: string
  /** A status move: outputs print its summary only where no other line says it. */
  statusMove?: { from?: string; to: string; summary: string | null }
  /** A comment read from the P2 post (someone else's): who wrote it, where, and if it is gone. */
  p2?: {
    commentId: number
    author: string
    link?: string
    cut?: true
    gone?: true
    /** Edited on the site since it was first read. */
    edited?: true
  }
}

export interface UpdateFacts {
  text: string
  /** Posted by copying the P2 status comment: its news is already on the timeline. */
  copied: boolean
  /** Whether it said anything new (a copied comment with no new lines did not). */
  news: boolean
  /** Undone within the minute after a copy: it never counted. */
  undone?: boolean
  /**
   * The cadence in force when it was posted: a run of updates is named by it ("Daily updates",
   * "Updates when there is news"). 'pending' is the policy's cadence before Stabilized.
   */
  cadence?: 'pending' | 'policy' | 'daily' | 'news'
}

/** An entry as it was before one edit: its history keeps every earlier version. */
export interface EntryRevision {
  /** When the edit that replaced this version was made, and by whom. */
  editedAt: string
  editedBy: string
  at: string
  verified: boolean
  content: EntryContent
}

interface EntryMeta {
  id: string
  at: string
  writtenAt: string
  by: string
  /** false: a hypothesis; reports leave it out unless asked. */
  verified: boolean
  deleted: boolean
  /** The user chose to show this entry's secrets in copies and exports. */
  unmasked: boolean
  history: EntryRevision[]
}

/** Something the maintainer wrote, pasted, linked, captured or did. */
export type Entry = EntryMeta & EntryContent

export type TimelineItem = LifecycleItem | Entry

/**
 * An incident's timeline: a persistent list (`list.ts`). Read it with `for…of`,
 * `length`, `at`, `findLast`; `toArray()` is the one way to a plain array (a copy).
 */
export type TimelineList = Timeline<TimelineItem>

/** A timeline of these items (a copy of them). */
export function timelineOf(items: readonly TimelineItem[]): TimelineList {
  return Timeline.of(items)
}

export function isEntry(item: TimelineItem): item is Entry {
  return item.kind !== 'lifecycle'
}

/** The content fields of an entry, without its metadata. */
export function contentOf(entry: Entry): EntryContent {
  switch (entry.kind) {
    case 'note':
    case 'paste':
      return { kind: entry.kind, text: entry.text }
    case 'link':
      return { kind: 'link', title: entry.title, url: entry.url }
    case 'image':
      return {
        kind: 'image',
        caption: entry.caption,
        file: entry.file,
        width: entry.width,
        height: entry.height,
      }
    case 'action':
      return { kind: 'action', action: entry.action, text: entry.text }
  }
}

const before = (a: TimelineItem, b: TimelineItem) =>
  a.at < b.at || (a.at === b.at && a.writtenAt < b.writtenAt)

/**
 * Inserts in place keeping the list sorted by event time (then written time). The usual case, a
 * new entry that happened now, lands at the end: no search, amortized O(1).
 */
function insertSorted(items: TimelineItem[], item: TimelineItem): void {
  const at = sortedIndex(items, item)
  if (at === items.length) items.push(item)
  else items.splice(at, 0, item)
}

/** Where `item` goes in the sorted list: after every item that is not later than it. */
function sortedIndex(items: readonly TimelineItem[], item: TimelineItem): number {
  const last = items[items.length - 1]
  if (!last || !before(item, last)) return items.length
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (before(item, items[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Searches from the newest end: entries just added or edited are the ones asked for most. */
export function findEntry(
  items: { findLast(test: (item: TimelineItem) => unknown): TimelineItem | undefined },
  id: string,
): Entry | undefined {
  const found = items.findLast((i) => i.id === id)
  return found && isEntry(found) ? found : undefined
}

function entryFrom(event: EntryAdded): Entry {
  // Object.assign, not a spread: spreading a JSON-parsed object and then adding fields builds a
  // fresh hidden class per entry in V8, about 15x slower, which dominated replaying a log.
  return Object.assign({}, event.content, {
    id: event.entryId,
    at: event.occurredAt,
    writtenAt: event.at,
    by: event.by,
    verified: event.verified,
    deleted: false,
    unmasked: false,
    history: [],
  })
}

/** Every timeline event type: the compiler checks that none is missing. */
const TIMELINE_EVENT_TYPES = {
  'entry.added': true,
  'entry.edited': true,
  'entry.deleted': true,
  'entry.restored': true,
  'entry.unmasked': true,
} satisfies Record<TimelineEvent['type'], true>

export function isTimelineEvent(event: IncidentEvent): event is TimelineEvent {
  return Object.hasOwn(TIMELINE_EVENT_TYPES, event.type)
}

/**
 * The timeline after one timeline event, as a new snapshot; the one given stays as it was. The
 * common case, an entry that happened after every other, is an append: no copy, whatever the
 * length. A backdated entry or an edit copies the list once. Unknown entries mean a damaged log.
 */
export function applyTimelineEvent(timeline: TimelineList, event: TimelineEvent): TimelineList {
  if (event.type === 'entry.added') {
    const entry = entryFrom(event)
    const last = timeline.at(-1)
    if (!last || !before(entry, last)) return timeline.append(entry)
  } else if (!findEntry(timeline, event.entryId)) {
    // Checked before the copy: a damaged log's unknown entry costs no copy of a long timeline.
    throw new Error(`${event.type} names an entry that does not exist.`)
  }
  return timeline.copyWith((items) => applyTimelineEventInPlace(items, event))
}

/**
 * Applies one timeline event to a list the caller owns and changes in place: replaying a log this
 * way costs no copy of the timeline per entry. Unknown entries mean a damaged log.
 */
export function applyTimelineEventInPlace(items: TimelineItem[], event: TimelineEvent): void {
  if (event.type === 'entry.added') return insertSorted(items, entryFrom(event))
  const current = findEntry(items, event.entryId)
  if (!current) throw new Error(`${event.type} names an entry that does not exist.`)
  removeById(items, event.entryId)
  insertSorted(items, changedEntry(current, event))
}

/** Removes every item with this id, keeping the order of the rest. */
function removeById(items: TimelineItem[], id: string): void {
  let kept = 0
  for (const item of items) if (item.id !== id) items[kept++] = item
  items.length = kept
}

function changedEntry(current: Entry, event: Exclude<TimelineEvent, EntryAdded>): Entry {
  switch (event.type) {
    case 'entry.edited': {
      const { occurredAt, verified, ...fields } = event.changes
      const revision: EntryRevision = {
        editedAt: event.at,
        editedBy: event.by,
        at: current.at,
        verified: current.verified,
        content: contentOf(current),
      }
      return {
        ...current,
        ...(withContent(current, fields) as Partial<Entry>),
        at: occurredAt ?? current.at,
        verified: verified ?? current.verified,
        history: [...current.history, revision],
      } as Entry
    }
    case 'entry.deleted':
      return { ...current, deleted: true }
    case 'entry.restored':
      return { ...current, deleted: false }
    case 'entry.unmasked':
      return { ...current, unmasked: event.unmasked }
    default: {
      const unknown: never = event
      throw new Error(`Timeline event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}

/** Only the fields that belong to the entry's kind (an image has no text to edit). */
function withContent(entry: Entry, fields: EntryTextFields): Partial<EntryContent> {
  const picked: Record<string, unknown> = {}
  const allowed: Record<Entry['kind'], readonly string[]> = {
    note: ['text'],
    paste: ['text'],
    link: ['title', 'url'],
    image: ['caption'],
    action: ['action', 'text'],
  }
  for (const key of allowed[entry.kind]) {
    const value = fields[key as keyof EntryTextFields]
    if (value !== undefined) picked[key] = value
  }
  return picked as Partial<EntryContent>
}

type EntryTextFields = {
  text?: string
  title?: string
  url?: string
  caption?: string
  action?: string
}

/** One line of plain text for any item: what reports, search and tests read. */
export function itemText(item: TimelineItem): string {
  if (item.kind === 'image') return item.caption ? `Screenshot: ${item.caption}` : 'Screenshot'
  return itemParts(item).join(': ')
}

/**
 * The words of an item: what search matches and what masking looks for secrets in. Unlike
 * `itemText`, no "Screenshot" on every image and no punctuation added between parts.
 */
export function itemWords(item: TimelineItem): string {
  return itemParts(item).join(' ')
}

/** What an item says, part by part: a link's title and address, an action's kind and text. */
function itemParts(item: TimelineItem): string[] {
  switch (item.kind) {
    case 'lifecycle':
    case 'note':
    case 'paste':
      return [item.text]
    case 'link':
      return [item.title, item.url]
    case 'image':
      return [item.caption]
    case 'action':
      return [ACTION_LABELS[item.action], item.text]
  }
}

/**
 * What may go into a report: no bookkeeping, nothing deleted, no hypotheses (seed 004: share
 * verified information) unless asked.
 */
export function isReportable(item: TimelineItem, includeUnverified = false): boolean {
  if (item.kind === 'lifecycle') return !item.meta
  return !item.deleted && (item.verified || includeUnverified)
}
