import type { Incident } from '../incident'
import { isEntry, itemText } from '../timeline/timeline'

/**
 * What full-text search reads of one incident, lower-cased: the title, what was observed, the
 * summaries and every timeline entry that is not deleted (hypotheses included: the maintainer
 * looking for "redis" wants every incident that mentioned it).
 */
export function searchText(incident: Incident): string {
  const parts = [
    incident.title,
    incident.observed,
    incident.area,
    incident.mitigationSummary ?? '',
    incident.solutionSummary ?? '',
  ]
  for (const item of incident.timeline) {
    if (isEntry(item) && item.deleted) continue
    parts.push(itemText(item))
  }
  return parts.join('\n').toLowerCase()
}

/** The words of a query: every one must appear (in any order) for an incident to match. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean)
}

export function matchesWords(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word))
}
