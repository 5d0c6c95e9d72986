/**
 * A count with its noun, as people write it: "1 item", "2 items", "1,204 incidents". The one
 * helper for every count on screen; give the plural when adding "s" is wrong ("1 person",
 * "3 people"). `of` writes "3 of 12 incidents", the noun agreeing with the total.
 */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : nouns}`
}

export function pluralOf(shown: number, total: number, noun: string, nouns = `${noun}s`): string {
  return `${shown.toLocaleString('en-US')} of ${plural(total, noun, nouns)}`
}
