import { DEFAULT_TEMPLATES, type TemplateId } from './defaults'
import { runbookLine, utcStamp } from './escape'
import type { Templates } from './outputs'
import { renderTemplate } from './template'
import type { CommsLine, CommsView } from './view'

/** Each line formatted once: the view reuses a timeline's lines from one refresh to the next. */
const formatted = new WeakMap<CommsLine, string>()

function formatLine(line: CommsLine): string {
  let text = formatted.get(line)
  if (text === undefined) {
    text = runbookLine(line.at, line.text)
    formatted.set(line, text)
  }
  return text
}

const lines = (items: readonly CommsLine[], none: string) =>
  items.length ? items.map(formatLine).join('\n') : none

function rootCauseText(causes: readonly string[]): string {
  if (!causes.length) return 'not found yet.'
  return causes.length === 1 ? causes[0]! : causes.map((c) => `\n- ${c}`).join('')
}

/** The placeholder values of one incident, in plain text. */
export function placeholderValues(view: CommsView, here = false): Record<string, string> {
  const resolved = view.status === 'resolved' || view.status === 'reviewed'
  const linkList = view.links.map((l) => `- ${l.title}: ${l.url}`).join('\n')
  return {
    title: view.title,
    severity: view.severityLabel,
    severityDefinition: view.severityDefinition,
    status: view.statusLabel,
    statusTag: view.statusTag,
    lead: view.lead ?? 'not named yet',
    recorder: view.recorder,
    detectedAt: utcStamp(view.detectedAt),
    detection: view.detection.toLowerCase(),
    area: view.area || 'not known yet',
    impact: view.impact || 'Impact not described yet.',
    summary:
      view.solutionSummary ??
      view.mitigationSummary ??
      'We are working on it; updates follow in the comments.',
    links: linkList || 'None yet.',
    // The policy asks for no links section: the default post leaves it out until there is a link.
    linksSection: linkList ? `## Links\n${linkList}` : '',
    timeline: lines(view.timeline, 'No verified entries yet.'),
    changes: lines(view.sinceLastUpdate, resolved ? '' : 'No new verified information.'),
    mitigation:
      view.status === 'stabilized' && view.mitigationSummary
        ? `Mitigation: ${view.mitigationSummary}`
        : '',
    // Said once, where it belongs: the solution in the resolved comment, the root cause and the
    // action items in the reviewed one (the timeline is in the post, not repeated here).
    resolution:
      view.status === 'resolved' && view.solutionSummary ? `Solution: ${view.solutionSummary}` : '',
    rootCause: rootCauseText(view.rootCauses),
    actionItems: view.actionItems.length
      ? view.actionItems.map((a) => `- ${a.title}${a.url ? `: ${a.url}` : ''}`).join('\n')
      : 'None recorded.',
    review:
      view.status === 'reviewed'
        ? `Root cause: ${rootCauseText(view.rootCauses)}\n\n## Action items\n${
            view.actionItems.length
              ? view.actionItems.map((a) => `- ${a.title}${a.url ? `: ${a.url}` : ''}`).join('\n')
              : 'None recorded.'
          }`
        : '',
    solution: view.solutionSummary ?? '',
    nextUpdate: view.nextUpdateDue
      ? utcStamp(view.nextUpdateDue)
      : 'none; the incident is no longer active',
    nextUpdateLine: view.nextUpdateDue ? `Next update due: ${utcStamp(view.nextUpdateDue)}` : '',
    p2Url: view.p2Url ?? '(P2 link to follow)',
    here: here && view.severityLevel === 1 ? '@here ' : '',
  }
}

export function fill(
  id: TemplateId,
  templates: Templates,
  values: Record<string, string>,
): { text: string; templateError?: string } {
  const custom = templates[id]
  if (custom !== undefined && custom !== DEFAULT_TEMPLATES[id]) {
    const result = renderTemplate(custom, values)
    if (result.ok) return { text: tidy(result.text) }
    const fallback = renderTemplate(DEFAULT_TEMPLATES[id], values)
    return { text: fallback.ok ? tidy(fallback.text) : '', templateError: result.error }
  }
  const result = renderTemplate(DEFAULT_TEMPLATES[id], values)
  if (!result.ok) throw new Error(`Default template ${id} is broken: ${result.error}`)
  return { text: tidy(result.text) }
}

/** No trailing spaces, at most one blank line in a row. */
const tidy = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    // A sentence placeholder that expanded to nothing leaves two spaces behind.
    .replace(/([.!?:]) {2,}(?=\S)/g, '$1 ')
    .trim()
