/**
 * A small fuzzy match for the command palette: every query character must appear in order.
 * Matches at word starts and runs of adjacent characters score higher, so "rec" finds
 * "Record incident" before "Open settings: Severity scale" ("…sevErity sCale…").
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase()
  if (!q) return 0
  const t = text.toLowerCase()
  let score = 0
  let from = 0
  let previous = -2
  for (const char of q) {
    if (char === ' ') continue
    const at = t.indexOf(char, from)
    if (at === -1) return null
    const wordStart = at === 0 || /[\s:/(-]/.test(t[at - 1] ?? '')
    score += 1 + (wordStart ? 3 : 0) + (at === previous + 1 ? 2 : 0)
    previous = at
    from = at + 1
  }
  // Shorter texts win ties: "Record incident" before "Record incident for a user report".
  return score - t.length / 100
}

/** The items that match, best first; the original order breaks ties. */
export function fuzzyFilter<T>(query: string, items: readonly T[], text: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, text(item)) }))
    .filter((m): m is { item: T; index: number; score: number } => m.score !== null)
    .sort((a, b) => (query.trim() ? b.score - a.score : 0) || a.index - b.index)
    .map((m) => m.item)
}
