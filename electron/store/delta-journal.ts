import { appendFileSync, readFileSync } from 'node:fs'

/**
 * The changes to a cache file, as lines appended beside it: `[generation, id, value]`, newest
 * last. A cache (index.json, search-index.json) is rewritten whole only now and then; between,
 * a change costs one line. Lines of another generation (written before the last rewrite, which a
 * crash kept) and torn or foreign lines are skipped: it is a cache, the logs are the truth.
 */
export function readDelta<V>(path: string, generation: number): [string, V][] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return []
  }
  const entries: [string, V][] = []
  for (const line of text.split('\n')) {
    const parsed = line ? parseLine<V>(line) : undefined
    if (parsed && parsed[0] === generation) entries.push([parsed[1], parsed[2]])
  }
  return entries
}

/** No fsync: a line lost to a crash only means that entry is rebuilt from its log. */
export function appendDelta<V>(
  path: string,
  generation: number,
  entries: Iterable<[string, V]>,
): number {
  let text = ''
  let n = 0
  for (const [id, value] of entries) {
    text += JSON.stringify([generation, id, value]) + '\n'
    n++
  }
  if (n > 0) appendFileSync(path, text)
  return n
}

function parseLine<V>(line: string): [number, string, V] | undefined {
  try {
    const parsed = JSON.parse(line) as unknown
    return Array.isArray(parsed) && parsed.length === 3 && typeof parsed[1] === 'string'
      ? (parsed as [number, string, V])
      : undefined
  } catch {
    return undefined
  }
}
