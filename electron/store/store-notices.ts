import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { UserError } from '../domain/incident/errors'
import type { IncidentEvent } from '../domain/events'
import type { LogRead } from './event-log'

/** Something the store repaired, set aside or refused: the user hears of it until dismissed. */
export interface StoreNotice {
  kind:
    | 'log-repaired'
    | 'line-damaged'
    | 'newer-version'
    | 'seq-problem'
    | 'index-rebuilt'
    | 'index-unwritten'
    | 'incident-unreadable'
    | 'unfinished-incident'
    | 'link-repaired'
    | 'line-repaired'
  message: string
}

/** What reading one incident's log tells the user: torn tail, damaged lines, newer lines, seq. */
export function noticesOfRead(id: string, logPath: string, read: LogRead): StoreNotice[] {
  const notices: StoreNotice[] = []
  // The title is what the user knows the incident by; the id finds its folder.
  const first = read.events[0]
  const name = first?.type === 'incident.recorded' ? `“${first.title}” (${id})` : id
  if (read.tornTail) {
    notices.push({
      kind: 'log-repaired',
      message: `The last line of incident ${name} was cut off by a crash; it was set aside in ${read.tornTail.path}. Everything before it is kept.`,
    })
  }
  if (read.damaged) {
    const lines = read.damaged.lines
    notices.push({
      kind: 'line-damaged',
      message: `${lines.length === 1 ? 'Line' : 'Lines'} ${lines.join(', ')} of incident ${name} ${lines.length === 1 ? 'was' : 'were'} damaged and set aside in ${read.damaged.path}, with ${lines.length === 1 ? 'its' : 'their'} line number${lines.length === 1 ? '' : 's'}. Every other event is kept.`,
    })
  }
  if (read.repaired) {
    const { path, lines } = read.repaired
    const kept = path
      ? ` The line${lines.length === 1 ? ' as it was is' : 's as they were are'} kept in ${path}.`
      : ''
    notices.push({
      kind: 'line-repaired',
      message: `${lines.map(({ line, why }) => `Line ${line} of incident ${name} was not valid: ${why}.`).join(' ')} It is used repaired (what was not valid left out, text cut to its limit), never as it was.${kept}`,
    })
  }
  if (read.unknown.length > 0) {
    const line = read.unknown[0]!
    const left =
      read.leftInPlace > 0 ? ` ${read.leftInPlace} unreadable line(s) were left in place too.` : ''
    notices.push({
      kind: 'newer-version',
      message: `Incident ${name} was written by a newer version of Incident Tray (line ${line.line}: "${line.type}", schema version ${line.version}): nothing was changed; update the app to edit it. It opens read-only.${left}`,
    })
  }
  if (read.seq.repeats.length > 0) {
    notices.push({
      kind: 'seq-problem',
      message: `Incident ${name} has events numbered twice or out of order (${read.seq.repeats.slice(0, 5).join(', ')}): two copies of the app may have written it. Every event is kept; new ones are numbered after the highest.`,
    })
  }
  // A gap is expected where a line was set aside or left unread; any other gap is news.
  if (read.seq.missing.length > 0 && read.leftInPlace === 0 && !hasSideFiles(logPath)) {
    notices.push({
      kind: 'seq-problem',
      message: `Incident ${name} is missing event(s) ${read.seq.missing.slice(0, 5).join(', ')} of its log, and nothing was set aside for them. Every event that is there is kept.`,
    })
  }
  return notices
}

function hasSideFiles(logPath: string): boolean {
  const dir = dirname(logPath)
  if (!existsSync(dir)) return false
  const prefix = basename(logPath)
  return readdirSync(dir).some(
    (name) => name.startsWith(`${prefix}.damaged-`) || name.startsWith(`${prefix}.torn-`),
  )
}

/** What failed to be saved, in the user's words. */
function whatOf(event: IncidentEvent | undefined): { what: string; typed: boolean } {
  switch (event?.type) {
    case 'entry.added': {
      const kind = event.content.kind
      return { what: kind === 'paste' ? 'note' : kind, typed: kind !== 'image' }
    }
    case 'update.posted':
      return { what: 'update', typed: true }
    case 'incident.recorded':
      return { what: 'incident', typed: true }
    default:
      return { what: 'change', typed: false }
  }
}

/** A failed durable write, as a message the user can act on; nothing of it was kept. */
export function storageUserError(
  code: string,
  events: readonly IncidentEvent[],
  subject?: string,
): UserError {
  const { what, typed } = subject ? { what: subject, typed: false } : whatOf(events[0])
  const kept = typed ? 'the text is still in the box' : 'nothing of it was written'
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError(
      'disk-full',
      `The disk is full: your ${what} was not saved. Free space and press Retry; ${kept}.`,
    )
  }
  if (code === 'EFBIG') {
    return new UserError(
      'disk-full',
      `The system's file size limit was reached: your ${what} was not saved. Raise the limit or free space and press Retry; ${kept}.`,
    )
  }
  return new UserError(
    'disk-error',
    `The disk reported an error (${code}): your ${what} was not saved. Check the disk and press Retry; ${kept}.`,
  )
}
