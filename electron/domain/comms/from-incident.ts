import { updateDue, type Cadence, type Reminders } from './cadence'
import { DETECTION_LABELS } from '../events'
import type { Incident } from '../incident'
import { maskingPolicy, releaseText } from './outgoing'
import { severityLevel, severityLabel } from '../incident/severity'
import { isActive, STATUS_LABELS, STATUS_TAGS, type Status } from '../lifecycle/status'
import type { ChecklistInput } from './checklist'
import { publicTimeline, type PublicLine } from './public-timeline'
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
    line = { at: l.at, text: l.text }
    commsLines.set(l, line)
  }
  return line
}

/** The incident as outputs see it: only what may be said, in words, in UTC, secrets masked. */
export function toCommsView(
  incident: Incident,
  settings: { cadence: Cadence; reminders: Reminders },
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
  const draft = incident.retro.draft
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
    // What the next comment says: public lines since the last update, the move to the current
    // status left out (the tag and the Mitigation/Solution line say it).
    sinceLastUpdate: lines
      .filter(({ at, item }) => (!since || at > since) && item !== undefined)
      .filter(({ item }) => !(item?.kind === 'lifecycle' && item.update))
      .filter(
        ({ item }) => !(item?.kind === 'lifecycle' && item.statusMove?.to === incident.status),
      )
      .map(asLine),
    nextUpdateDue: isActive(incident.status)
      ? new Date(updateDue(incident, settings.cadence, settings.reminders).dueAt).toISOString()
      : null,
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
