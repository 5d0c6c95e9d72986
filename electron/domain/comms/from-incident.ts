import { updateDue, type Cadence, type Reminders } from '../cadence'
import { DETECTION_LABELS } from '../events'
import type { Incident } from '../incident'
import { maskSecrets } from '../redaction'
import { isReportable, itemText, type TimelineItem } from '../timeline'
import { severityLevel, severityLabel } from '../severity'
import { isActive, STATUS_LABELS, STATUS_TAGS, type Status } from '../status'
import type { ChecklistInput } from './checklist'
import type { CommsLine, CommsView } from './view'

/**
 * Timeline items are immutable (an edit makes a new one), so each is masked once, not on every
 * refresh of the outputs: the panel refreshes after every change, and a long timeline has
 * thousands of lines.
 */
const lines = new WeakMap<TimelineItem, CommsLine>()

/** An item as outputs show it. Secrets are masked unless the user unmasked that entry. */
function line(item: TimelineItem): CommsLine {
  let found = lines.get(item)
  if (!found) {
    const text = itemText(item)
    found = {
      at: item.at,
      text: item.kind !== 'lifecycle' && item.unmasked ? text : maskSecrets(text),
    }
    lines.set(item, found)
  }
  return found
}

/** ISO times in one format sort as strings; localeCompare costs far more for the same order. */
const byTime = (a: TimelineItem, b: TimelineItem) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)

/** The incident as outputs see it: only what may be said, in words, in UTC. */
export function toCommsView(
  incident: Incident,
  settings: { cadence: Cadence; reminders: Reminders },
): CommsView {
  const reportable = incident.timeline.filter((item) => isReportable(item)).sort(byTime)
  const since = incident.lastUpdateAt
  return {
    title: maskSecrets(incident.title),
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
    impact: maskSecrets(incident.observed),
    links: reportable.flatMap((item) =>
      item.kind === 'link' ? [{ title: item.title, url: maskSecrets(item.url) }] : [],
    ),
    timeline: reportable.map(line),
    sinceLastUpdate: reportable
      .filter((item) => !since || item.at > since)
      .filter((item) => !(item.kind === 'lifecycle' && item.text.startsWith('Posted an update:')))
      .map(line),
    nextUpdateDue: isActive(incident.status)
      ? new Date(updateDue(incident, settings.cadence, settings.reminders).dueAt).toISOString()
      : null,
    mitigationSummary: incident.mitigationSummary,
    solutionSummary: incident.solutionSummary ?? null,
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
