import { updateDue, type Cadence, type Reminders } from './cadence'
import { DETECTION_LABELS } from '../events'
import type { Incident } from '../incident'
import { maskingPolicy, releaseText } from './outgoing'
import { severityLevel, severityLabel } from '../incident/severity'
import { isActive, STATUS_LABELS, STATUS_TAGS, type Status } from '../lifecycle/status'
import type { ChecklistInput } from './checklist'
import { publicTimeline, type PublicLine } from './public-timeline'
import { afterUpdate } from './reducer'
import type { CommsLine, CommsView } from './view'

/**
 * Lines are rebuilt only when the timeline changes: the panel refreshes after every change, and
 * a long timeline has thousands of lines.
 */
const cache = new WeakMap<object, { key: string; lines: PublicLine[] }>()

function linesOf(incident: Incident, shownElsewhere: string[]): PublicLine[] {
  const key = JSON.stringify([shownElsewhere, incident.audience])
  const found = cache.get(incident.timeline)
  if (found && found.key === key) return found.lines
  const lines = publicTimeline(incident, maskingPolicy(incident), {
    summariesShownElsewhere: shownElsewhere,
  })
  cache.set(incident.timeline, { key, lines })
  return lines
}

/** The same CommsLine for the same public line, so fill.ts formats each line once, not per refresh. */
const commsLines = new WeakMap<PublicLine, CommsLine>()
function asLine(l: PublicLine): CommsLine {
  let line = commsLines.get(l)
  if (!line) {
    // A line without an item stands for a run of updates.
    line = l.item ? { at: l.at, text: l.text } : { at: l.at, text: l.text, updateRun: true }
    commsLines.set(l, line)
  }
  return line
}

/** The incident as outputs see it: only what may be said, in words, in UTC, secrets masked. */
export function toCommsView(
  incident: Incident,
  settings: { cadence: Cadence; reminders: Reminders },
  options: {
    /**
     * Render the status comment as posted at this time: what is new since the last update, and
     * the next update due as the incident has it once this one counts.
     */
    postedAt?: string
  } = {},
): CommsView {
  const policy = maskingPolicy(incident)
  const mask = (text: string) => releaseText(text, policy)
  const resolved = incident.status === 'resolved' || incident.status === 'reviewed'
  // The summary an output prints on its own line is not repeated on the status move's line.
  const shownElsewhere = [
    resolved ? incident.solutionSummary : null,
    incident.status === 'stabilized' ? incident.mitigationSummary : null,
  ].filter((s): s is string => Boolean(s))
  const lines = linesOf(incident, shownElsewhere)
  const since = incident.lastUpdateAt
  const announced = announcedMove(incident, since)
  const draft = incident.retro.draft
  const clock = options.postedAt ? afterUpdate(incident, options.postedAt) : incident
  const due = isActive(incident.status)
    ? updateDue(clock, settings.cadence, settings.reminders)
    : null
  return {
    title: mask(incident.title),
    severityLevel: incident.severity,
    severityLabel: severityLabel(incident.scale, incident.severity),
    severityDefinition: severityLevel(incident.scale, incident.severity)?.definition ?? '',
    status: incident.status,
    statusLabel: STATUS_LABELS[incident.status],
    statusTag: STATUS_TAGS[incident.status],
    lead: incident.lead,
    recorder: incident.recorder,
    detectedAt: incident.keyTimes.detectedAt,
    detection: DETECTION_LABELS[incident.detection],
    area: incident.area,
    impact: mask(incident.observed),
    links: lines.flatMap(({ item }) =>
      item?.kind === 'link' ? [{ title: mask(item.title), url: mask(item.url) }] : [],
    ),
    timeline: lines.map(asLine),
    // What the next comment says: public lines since the last update, the move it announces
    // left out (its headline says it).
    sinceLastUpdate: lines
      .filter(({ at, item }) => (!since || at > since) && item !== undefined)
      .filter(({ item }) => !(item?.kind === 'lifecycle' && item.update))
      .filter(
        ({ at, item }) =>
          !(
            announced &&
            item?.kind === 'lifecycle' &&
            item.statusMove?.to === incident.status &&
            at === announced.at
          ),
      )
      .map(asLine),
    announced: announced && { to: announced.status, summary: announced.summary ?? null },
    headline: headline(incident, announced, mask),
    nextUpdateDue: due ? new Date(due.dueAt).toISOString() : null,
    nextUpdateWhenNews:
      due !== null && incident.status !== 'pending' && incident.cadenceChoice === 'news',
    mitigationSummary: incident.mitigationSummary && mask(incident.mitigationSummary),
    solutionSummary: incident.solutionSummary ? mask(incident.solutionSummary) : null,
    rootCauses: (draft?.chains ?? []).map((c) => mask(c.rootCause.trim())).filter(Boolean),
    actionItems: (draft?.actions ?? [])
      .filter((a) => a.title.trim())
      .map((a) => ({ title: mask(a.title.trim()), url: a.issueUrl ? mask(a.issueUrl) : null })),
    p2Url: incident.p2Url,
    userReported: incident.detection === 'user-report',
  }
}

/** The move to the current status, when it came after `since` (the recording is not a move). */
function announcedMove(incident: Incident, since: string | null) {
  const history = incident.statusHistory
  const last = history[history.length - 1]
  if (history.length < 2 || !last || last.status !== incident.status) return null
  return !since || last.at > since ? last : null
}

/** What a move says when nobody typed a summary for it. */
const MOVE_SAYS: Record<Status, string> = {
  pending: 'the service is disrupted again.',
  stabilized: 'the service works again.',
  investigating: 'the service is stable; we are looking for the cause.',
  resolved: 'the fix is in place.',
  reviewed: 'the retrospective is done.',
}

/** What a regular update says of the status, before what is new. */
const STATUS_SAYS: Record<Exclude<Status, 'pending'>, string> = {
  stabilized: 'the service works again; we are watching it.',
  investigating: 'the service is stable; we are looking for the cause.',
  resolved: 'the fix is in place.',
  reviewed: 'the retrospective is done.',
}

/** A status comment's first sentence: the move it announces, or the status and the impact. */
function headline(
  incident: Incident,
  announced: Incident['statusHistory'][number] | null,
  mask: (text: string) => string,
): string {
  const label = STATUS_LABELS[incident.status]
  if (announced) {
    return `${label}: ${announced.summary ? sentence(mask(announced.summary)) : MOVE_SAYS[incident.status]}`
  }
  if (incident.status === 'pending') {
    const impact = sentence(mask(incident.observed))
    return `${label}: ${impact || 'the service is disrupted.'}`
  }
  if (incident.status === 'resolved' && incident.solutionSummary) {
    return `${label}: ${sentence(mask(incident.solutionSummary))}`
  }
  return `${label}: ${STATUS_SAYS[incident.status]}`
}

/** The first line of a text as one sentence: at most 280 characters, ending in a stop. */
function sentence(text: string): string {
  const line = (text.split('\n').find((l) => l.trim()) ?? '').trim().replace(/\s+/g, ' ')
  if (!line) return ''
  const cut = line.length > 280 ? `${line.slice(0, 279).trimEnd()}…` : line
  return /[.!?…:]$/.test(cut) ? cut : `${cut}.`
}

export function checklistInput(incident: Incident): ChecklistInput {
  // Every status it has been in needs its P2 tag, oldest first.
  const statuses: Status[] = [...incident.statusHistory.map((s) => s.status), incident.status]
  return {
    severity: incident.severity,
    status: incident.status,
    detection: incident.detection,
    statuses,
    checked: incident.commsChecked,
  }
}
