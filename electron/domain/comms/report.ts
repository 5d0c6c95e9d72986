import { utcStamp } from '../../shared/time'
import { escapeMd, escapeMdLabel } from './escape'
import type { CommsView } from './view'
import type { Incident } from '../incident'
import { publicTimeline, type PublicLine } from './public-timeline'
import { maskingPolicy } from './outgoing'

/** Where an exported incident's images sit, next to report.md. */
export const IMAGES_FOLDER = 'images'

/**
 * The whole incident as one Markdown file: the facts, the summaries and the verified timeline in
 * UTC, screenshots inline from `images/`. Secrets are masked unless the entry was unmasked.
 */
export function incidentReport(
  incident: Incident,
  view: CommsView,
  options: { includeUnverified?: boolean } = {},
): string {
  const { keyTimes } = incident
  const facts: [string, string | null | undefined][] = [
    ['Severity', view.severityLabel],
    ['Status', view.statusLabel],
    ['Lead', view.lead ? escapeMd(view.lead) : 'none'],
    ['Recorded by', escapeMd(view.recorder)],
    ['Area', view.area ? escapeMd(view.area) : null],
    ['Detected', `${utcStamp(keyTimes.detectedAt)} (${view.detection})`],
    ['Stabilized', keyTimes.stabilizedAt && utcStamp(keyTimes.stabilizedAt)],
    ['Resolved', keyTimes.resolvedAt && utcStamp(keyTimes.resolvedAt)],
    ['Incident post', view.p2Url && escapeMd(view.p2Url)],
  ]
  const sections = [
    `# ${escapeMd(view.title)}`,
    facts
      .filter((f): f is [string, string] => Boolean(f[1]))
      .map(([label, value]) => `- **${label}:** ${value}`)
      .join('\n'),
    `## What was observed\n\n${view.impact ? escapeMd(view.impact) : 'Nothing recorded.'}`,
  ]
  if (view.mitigationSummary) sections.push(`## Mitigation\n\n${escapeMd(view.mitigationSummary)}`)
  if (view.solutionSummary) sections.push(`## Solution\n\n${escapeMd(view.solutionSummary)}`)
  const lines = publicTimeline(incident, maskingPolicy(incident), {
    includeUnverified: options.includeUnverified,
    summariesShownElsewhere: [view.mitigationSummary, view.solutionSummary].filter(
      (s): s is string => Boolean(s),
    ),
  })
  sections.push(
    `## Timeline (UTC)\n\n${lines.length ? lines.map(timelineLine).join('\n') : 'Nothing recorded.'}`,
  )
  if (!options.includeUnverified) {
    sections.push('_Only verified entries are included; hypotheses are left out._')
  }
  return `${sections.join('\n\n')}\n`
}

/** One public line (already masked by the policy); a screenshot shows inline under it. */
function timelineLine({ at, text, item }: PublicLine): string {
  const mark = item && item.kind !== 'lifecycle' && !item.verified ? ' _(unverified)_' : ''
  const line = `- ${utcStamp(at)}: ${escapeMd(text).replace(/\n/g, '\n  ')}${mark}`
  if (item?.kind !== 'image') return line
  const alt = escapeMdLabel(text.replace(/^Screenshot: /, ''))
  return `${line}\n\n  ![${alt}](${IMAGES_FOLDER}/${item.file})\n`
}
