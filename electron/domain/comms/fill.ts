import { DEFAULT_TEMPLATES, type TemplateId } from './defaults'
import { utcStamp } from '../../shared/time'
import { runbookLine } from './escape'
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

/** A timeline as outputs print it, one runbook line an entry. */
export const timelineText = (items: readonly CommsLine[]) =>
  lines(items, 'No verified entries yet.')

function rootCauseText(causes: readonly string[]): string {
  if (!causes.length) return 'not found yet.'
  return causes.length === 1 ? causes[0]! : causes.map((c) => `\n- ${c}`).join('')
}

/** The placeholder values of one incident, in plain text. */
export function placeholderValues(view: CommsView, here = false): Record<string, string> {
  const resolved = view.status === 'resolved' || view.status === 'reviewed'
  const actionItems = view.actionItems.length
    ? view.actionItems.map((a) => `- ${a.title}${a.url ? `: ${a.url}` : ''}`).join('\n')
    : 'None recorded.'
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
    timeline: timelineText(view.timeline),
    headline: view.headline,
    // "Nothing new" only when truly nothing is: a move announced is news.
    changes: lines(
      view.sinceLastUpdate,
      resolved || view.announced ? '' : 'No new verified information.',
    ),
    mitigation:
      view.status === 'stabilized' && view.mitigationSummary
        ? `Mitigation: ${view.mitigationSummary}`
        : '',
    // Said once, where it belongs: the solution in the resolved comment, the root cause and the
    // action items in the reviewed one (the timeline is in the post, not repeated here).
    resolution:
      view.status === 'resolved' && view.solutionSummary ? `Solution: ${view.solutionSummary}` : '',
    rootCause: rootCauseText(view.rootCauses),
    actionItems,
    review:
      view.status === 'reviewed'
        ? `Root cause: ${rootCauseText(view.rootCauses)}\n\n## Action items\n${actionItems}`
        : '',
    solution: view.solutionSummary ?? '',
    nextUpdate: view.nextUpdateDue
      ? utcStamp(view.nextUpdateDue)
      : 'none; the incident is no longer active',
    nextUpdateLine: nextUpdateLine(view),
    outageName: outageName(view.title),
    alertTitle: alertTitle(view.title, view.severityLabel),
    p2Url: view.p2Url ?? '(P2 link to follow)',
    here: here && view.severityLevel === 1 ? '@here ' : '',
  }
}

function nextUpdateLine(view: CommsView): string {
  if (!view.nextUpdateDue) return ''
  const at = utcStamp(view.nextUpdateDue)
  return view.nextUpdateWhenNews
    ? `Next update: when there is news, by ${at} at the latest`
    : `Next update due: ${at}`
}

/** A title that names the outage itself ("Search down", "Outage from …"), or after "Outage:". */
const SAYS_OUTAGE = /\b(outage|outages|down|offline|unavailable)\b/i
const OUTAGE_PREFIX = /^\s*outage\s*[:\-–—]\s*/i

/**
 * The outage as a Make post names it, never repeating the title's words: "Openverse outage:
 * Elasticsearch degraded", "Openverse search down", "Openverse outage from Elasticsearch …".
 */
export function outageName(title: string): string {
  const rest = title.replace(OUTAGE_PREFIX, '')
  if (rest !== title || !SAYS_OUTAGE.test(rest)) return `Openverse outage: ${rest}`
  if (/^openverse\b/i.test(rest)) return rest
  // "Outage from …" reads on after "Openverse ": its first word in lower case.
  return `Openverse ${/^outages?\b/i.test(rest) ? rest[0]!.toLowerCase() + rest.slice(1) : rest}`
}

/** The Signal alert's first words: "OUTAGE (Severity 1): …" unless the title says it already. */
export function alertTitle(title: string, severity: string): string {
  const rest = title.replace(OUTAGE_PREFIX, '')
  const stop = /[.!?]$/.test(rest) ? '' : '.'
  return rest === title && SAYS_OUTAGE.test(rest)
    ? `${severity}: ${rest}${stop}`
    : `OUTAGE (${severity}): ${rest}${stop}`
}

export function fill(
  id: TemplateId,
  templates: Templates,
  values: Record<string, string>,
): { text: string; templateError?: string } {
  const custom = templates[id]
  const render = (template: string) =>
    renderTemplate(withoutEmptyHeadings(template, values), values)
  if (custom !== undefined && custom !== DEFAULT_TEMPLATES[id]) {
    const result = render(custom)
    if (result.ok) return { text: tidy(result.text) }
    const fallback = render(DEFAULT_TEMPLATES[id])
    return { text: fallback.ok ? tidy(fallback.text) : '', templateError: result.error }
  }
  const result = render(DEFAULT_TEMPLATES[id])
  if (!result.ok) throw new Error(`Default template ${id} is broken: ${result.error}`)
  return { text: tidy(result.text) }
}

/** "## Links" (Markdown) or "*Since the last update:*" (Slack): a heading over a section. */
const HEADING = /^(#{1,6}) \S|^\*[^*]+:\*$/

/** 1 for "#" and Slack's bold line, 2 for "##"…; 0 for a line that is not a heading. */
function headingLevel(line: string): number {
  const m = HEADING.exec(line)
  return m ? (m[1]?.length ?? 1) : 0
}

/** A heading with nothing under it (before the next heading of its level, or the end) is left out. */
function dropEmptySections(lines: string[]): string[] {
  return lines.filter((line, i) => {
    const level = headingLevel(line)
    if (!level) return true
    let next = i + 1
    while (next < lines.length && lines[next]!.trim() === '') next++
    if (next === lines.length) return false
    const after = headingLevel(lines[next]!)
    return !after || after > level
  })
}

/**
 * A heading whose next line is only a placeholder that expands to nothing ("*Since the last
 * update:*" over `{changes}` with nothing new) is left out with it.
 */
function withoutEmptyHeadings(template: string, values: Record<string, string>): string {
  const lines = template.split('\n')
  return lines
    .filter((line, i) => {
      if (!headingLevel(line)) return true
      const only = /^\{(\w+)\}$/.exec(lines[i + 1]?.trim() ?? '')
      return !(only && values[only[1]!] === '')
    })
    .join('\n')
}

/** No trailing spaces, no empty sections, at most one blank line in a row. */
const tidy = (text: string) =>
  dropEmptySections(text.split('\n').map((l) => l.trimEnd()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    // A sentence placeholder that expanded to nothing leaves two spaces behind.
    .replace(/([.!?:]) {2,}(?=\S)/g, '$1 ')
    .trim()
