/**
 * The part of a long timeline the virtual list lays out (its slab). The virtualizer measures and
 * positions every row it is given, on every change, so a 100,000-entry timeline handed over whole
 * costs a 100,000-row layout per render. It is handed the slab instead: rows `base` to
 * `base + span`, laid out from `top` px. The rows before the slab share `top` evenly, the rows
 * after it take `ROW_ESTIMATE` px each, so the scrollbar still spans the whole timeline. When the
 * reader scrolls near an edge of the slab, or past it, the slab moves to where they read.
 *
 * A move keeps every row in view where it is: the new slab starts where its first row already
 * was. Correcting the scroll position instead would not hold: a wheel's smooth scroll runs to
 * the position it set out for, and the view would leap by the correction.
 */

/** Rows the list lays out at once: far more than a screen, far fewer than a long timeline. */
export const SLAB = 1_000
/** A one-line note's row, in px: the size of every row before it is measured. */
export const ROW_ESTIMATE = 34

export interface Slab {
  /** The slab's first row, and where it starts, in px from the top of the list. */
  base: number
  top: number
}

/** How many rows from `base` the slab holds: up to SLAB, and the end too when it is near. */
export function slabSpan(total: number, base: number): number {
  const rest = Math.max(0, total - base)
  // A slab that ends less than half a slab from the timeline's end takes the end in: new entries
  // then join the slab the reader follows instead of moving it every time.
  return rest <= SLAB * 1.5 ? rest : SLAB
}

/** The first row of a slab that holds row `row` in its middle (row 0 when near the start). */
export function baseAround(total: number, row: number): number {
  if (total <= SLAB * 1.5) return 0
  const base = Math.min(Math.max(0, row - SLAB / 2), total - SLAB)
  return base < SLAB / 4 ? 0 : Math.floor(base)
}

/** What the list knows after laying out its slab. */
export interface SlabView extends Slab {
  total: number
  /** The slab's rows, from `base`, and their height as laid out. */
  span: number
  height: number
  /** The scroll position and the height of the visible part, in px. */
  offset: number
  viewport: number
  /** The first and last rows the virtualizer renders (timeline indexes), or null for none. */
  first: number | null
  last: number | null
  /** Where a row of the slab starts, as laid out. */
  startOf(row: number): number
  /** A row's height: as measured when it was shown, the estimate otherwise. */
  sizeOf(row: number): number
}

/** The new slab, and how far to scroll once it is laid out (0 but at the list's very top). */
export interface SlabMove extends Slab {
  shift: number
}

/**
 * The slab for what is in view: null while the reader stays inside the current one; another when
 * they scrolled past it (a drag of the scrollbar, a jump to the end) or came within a quarter
 * slab of an edge that is not the timeline's.
 */
export function nextSlab(view: SlabView): SlabMove | null {
  const { total, base, top, span, offset } = view
  const bottom = top + view.height
  const above = base > 0 && top > 0 ? top / base : ROW_ESTIMATE
  if (offset + view.viewport <= top || offset >= bottom) {
    // Outside the slab: go where the rows there are laid out now.
    const at =
      offset < top
        ? Math.floor(offset / above)
        : base + span + Math.floor((offset - bottom) / ROW_ESTIMATE)
    const next = baseAround(total, Math.min(Math.max(0, at), total - 1))
    if (next === base) return null
    if (next < base) return { base: next, top: next * above, shift: 0 }
    if (next < base + span) return { base: next, top: view.startOf(next), shift: 0 }
    return { base: next, top: bottom + (next - base - span) * ROW_ESTIMATE, shift: 0 }
  }
  if (view.first === null || view.last === null) return null
  const nearTop = base > 0 && view.first - base < SLAB / 4
  const nearEnd = base + span < total && base + span - 1 - view.last < SLAB / 4
  const next = nearTop || nearEnd ? baseAround(total, view.first) : base
  if (next === base) return null
  // Down: the new first row is in the slab, where it is. Up: the rows added above end where the
  // slab began.
  let start = view.startOf(Math.max(next, base))
  for (let row = next; row < base; row++) start -= view.sizeOf(row)
  if (next > 0 && start >= 0) return { base: next, top: start, shift: 0 }
  // The list's first row must be at its very top: the one move that scrolls, by what the rows
  // above were laid out at a guess (nothing, unless the reader had dragged the scrollbar).
  const guess = next * ROW_ESTIMATE
  return { base: next, top: guess, shift: guess - start }
}
