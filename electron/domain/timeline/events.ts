import type { EventBase } from '../events'

/** What a maintainer changed to fight the incident (the runbook's "what I changed"). */
export const ACTION_KINDS = ['rollback', 'restart', 'flag-off', 'scale', 'config', 'other'] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

export const ACTION_LABELS: Record<ActionKind, string> = {
  rollback: 'Rollback',
  restart: 'Restart',
  'flag-off': 'Feature flag off',
  scale: 'Scaled',
  config: 'Config change',
  other: 'Other change',
}

/** The content of an entry, by kind. Images point at `attachments/<file>` of the incident. */
export type EntryContent =
  | { kind: 'note'; text: string }
  | { kind: 'paste'; text: string }
  | { kind: 'link'; title: string; url: string }
  | { kind: 'image'; caption: string; file: string; width: number; height: number }
  | { kind: 'action'; action: ActionKind; text: string }

export type EntryKind = EntryContent['kind']
export const ENTRY_KINDS = [
  'note',
  'paste',
  'link',
  'image',
  'action',
] as const satisfies readonly EntryKind[]

/** Fields an edit may change; the image file itself never changes. */
export interface EntryChanges {
  text?: string
  title?: string
  url?: string
  caption?: string
  action?: ActionKind
  /** Re-dates the entry (event time). */
  occurredAt?: string
  /** false marks the entry as a hypothesis. */
  verified?: boolean
}

/** `at` (EventBase) is when it was written; `occurredAt` when it happened (may be earlier). */
export interface EntryAdded extends EventBase {
  type: 'entry.added'
  entryId: string
  occurredAt: string
  verified: boolean
  content: EntryContent
}

export interface EntryEdited extends EventBase {
  type: 'entry.edited'
  entryId: string
  changes: EntryChanges
}

export interface EntryDeleted extends EventBase {
  type: 'entry.deleted'
  entryId: string
}

export interface EntryRestored extends EventBase {
  type: 'entry.restored'
  entryId: string
}

/** Shows (or hides again) the secrets found in one entry in copies and exports. */
export interface EntryUnmasked extends EventBase {
  type: 'entry.unmasked'
  entryId: string
  unmasked: boolean
}

export type TimelineEvent = EntryAdded | EntryEdited | EntryDeleted | EntryRestored | EntryUnmasked
