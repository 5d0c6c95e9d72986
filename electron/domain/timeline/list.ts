/**
 * The timeline of one incident snapshot: a persistent list. Snapshots of one incident share one
 * backing array; each sees only its first `length` items, and those never change. Appending to
 * the newest snapshot (the tip) pushes onto the shared array: O(1), whatever the length. Appending
 * to an older one, and every edit of an item already in it, copies its items first
 * (copy-on-write), so an Incident handed out never changes under its holder: the comms code
 * compares the incident before and after a command.
 */

/**
 * Work counter: items copied into a new backing array since the process started. Tests read it
 * to prove an append copies nothing, whatever the length (a count, not a time).
 */
export const timelineWork = { copied: 0 }

export class Timeline<T> implements Iterable<T> {
  // Private fields (#), not properties: an Incident sent over IPC or compared by a test carries
  // no backing array with items beyond this snapshot.
  readonly #items: T[]
  readonly #length: number

  private constructor(items: T[], length: number) {
    this.#items = items
    this.#length = length
  }

  /** A timeline of these items (copied: the caller keeps its array). */
  static of<T>(items: readonly T[]): Timeline<T> {
    timelineWork.copied += items.length
    return new Timeline(items.slice(), items.length)
  }

  /**
   * Wraps an array the caller hands over and never touches again except through `owned`: a fold
   * building a timeline no one has seen yet. No copy.
   */
  static adopt<T>(items: T[]): Timeline<T> {
    return new Timeline(items, items.length)
  }

  /**
   * The array behind a timeline whose every snapshot is a fold's own draft, for the fold to change
   * in place: the shared array when this is its tip, else a copy.
   */
  static owned<T>(timeline: Timeline<T>): T[] {
    return timeline.#isTip() ? timeline.#items : timeline.toArray()
  }

  get length(): number {
    return this.#length
  }

  #isTip(): boolean {
    return this.#items.length === this.#length
  }

  /** The item at `index`; negative counts from the end, like Array.prototype.at. */
  at(index: number): T | undefined {
    const i = index < 0 ? this.#length + index : index
    return i >= 0 && i < this.#length ? this.#items[i] : undefined
  }

  *[Symbol.iterator](): Iterator<T> {
    const items = this.#items
    for (let i = 0; i < this.#length; i++) yield items[i]!
  }

  find(test: (item: T) => unknown): T | undefined {
    for (let i = 0; i < this.#length; i++) if (test(this.#items[i]!)) return this.#items[i]
    return undefined
  }

  /** Searches from the newest end: items just added or edited are the ones asked for most. */
  findLast<S extends T>(test: (item: T) => item is S): S | undefined
  findLast(test: (item: T) => unknown): T | undefined
  findLast(test: (item: T) => unknown): T | undefined {
    for (let i = this.#length - 1; i >= 0; i--) if (test(this.#items[i]!)) return this.#items[i]
    return undefined
  }

  /** The items that pass `test`, as a new array. */
  filter<S extends T>(test: (item: T) => item is S): S[]
  filter(test: (item: T) => unknown): T[]
  filter(test: (item: T) => unknown): T[] {
    const out: T[] = []
    for (let i = 0; i < this.#length; i++) if (test(this.#items[i]!)) out.push(this.#items[i]!)
    return out
  }

  /** Items `start` to `end` (exclusive, clamped), as a new array: a window costs its size. */
  slice(start = 0, end = this.#length): T[] {
    const from = Math.max(0, start < 0 ? this.#length + start : start)
    const to = Math.min(this.#length, end < 0 ? this.#length + end : end)
    return from < to ? this.#items.slice(from, to) : []
  }

  /** The items as a plain array: a copy the caller may keep or change. */
  toArray(): T[] {
    timelineWork.copied += this.#length
    return this.#items.slice(0, this.#length)
  }

  /** A JSON copy (a host-side reader, the harness) sees the items. */
  toJSON(): T[] {
    return this.toArray()
  }

  /** This timeline with `item` at the end: no copy when this is the tip. */
  append(item: T): Timeline<T> {
    if (this.#isTip()) {
      this.#items.push(item)
      return new Timeline(this.#items, this.#length + 1)
    }
    const items = this.toArray()
    items.push(item)
    return new Timeline(items, items.length)
  }

  /** This timeline changed by `change` on a copy of its items (an edit, a sorted insert). */
  copyWith(change: (items: T[]) => void): Timeline<T> {
    const items = this.toArray()
    change(items)
    return new Timeline(items, items.length)
  }
}
