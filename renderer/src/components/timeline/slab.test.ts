import { describe, expect, it } from 'vitest'
import { baseAround, nextSlab, ROW_ESTIMATE, SLAB, slabSpan, type SlabView } from './slab'

/**
 * A slab laid out as the virtualizer would: from `top`, each row at its measured size (48 px for
 * the rows in `measured`) or the estimate.
 */
function view(
  total: number,
  base: number,
  top: number,
  at: { offset: number; first?: number; last?: number },
  measured: ReadonlySet<number> = new Set(),
): SlabView {
  const sizeOf = (row: number) => (measured.has(row) ? 48 : ROW_ESTIMATE)
  const span = slabSpan(total, base)
  const starts = [top]
  for (let row = base; row < base + span; row++) starts.push(starts.at(-1)! + sizeOf(row))
  const first = at.first ?? null
  return {
    total,
    base,
    top,
    span,
    height: starts.at(-1)! - top,
    offset: at.offset,
    viewport: 400,
    first,
    last: at.last ?? (first === null ? null : first + 20),
    startOf: (row) => starts[row - base]!,
    sizeOf,
  }
}

const range = (from: number, to: number) =>
  new Set(Array.from({ length: to - from }, (_, i) => from + i))

describe('the slab of a long timeline', () => {
  it('holds a short timeline whole, and a long one by SLAB rows, taking a near end in', () => {
    expect(slabSpan(800, 0)).toBe(800)
    expect(slabSpan(1_500, 0)).toBe(1_500)
    expect(slabSpan(100_000, 0)).toBe(SLAB)
    expect(slabSpan(100_000, 98_700)).toBe(1_300)
    expect(slabSpan(100_000, 99_999)).toBe(1)
  })

  it('puts the row read in its middle, from row 0 near the start, to the end at most', () => {
    expect(baseAround(1_200, 1_100)).toBe(0)
    expect(baseAround(100_000, 600)).toBe(0)
    expect(baseAround(100_000, 50_000)).toBe(49_500)
    expect(baseAround(100_000, 99_990)).toBe(99_000)
  })

  it('stays while the reader is well inside it', () => {
    expect(nextSlab(view(100_000, 0, 0, { offset: 300 * 34, first: 300 }))).toBeNull()
    expect(nextSlab(view(100_000, 5_000, 170_000, { offset: 187_000, first: 5_500 }))).toBeNull()
    // The end of the timeline is no edge to move from.
    const end = view(100_000, 99_000, 3_366_000, { offset: 3_399_000, first: 99_980, last: 99_999 })
    expect(nextSlab(end)).toBeNull()
  })

  it('moves down from its end where its new first row already is: nothing in view moves', () => {
    // Rows 0–799 were shown and measured taller than the estimate.
    const at = view(100_000, 0, 0, { offset: 780 * 48, first: 780 }, range(0, 800))
    const move = nextSlab(at)
    expect(move).toEqual({ base: 280, top: 280 * 48, shift: 0 })
  })

  it('moves up from its start so its old first row stays where it was', () => {
    const measured = range(4_000, 6_000)
    const at = view(100_000, 5_000, 200_000, { offset: 200_000 + 100 * 48, first: 5_100 }, measured)
    const move = nextSlab(at)!
    expect(move.base).toBe(4_600)
    // Rows 4,600–4,999 were measured at 48 px: they end where the slab began.
    expect(move.top).toBe(200_000 - 400 * 48)
    expect(move.shift).toBe(0)
  })

  it('reaching the top, lays row 0 at the very top and scrolls by what the guess was off', () => {
    // The rows above the slab were squeezed (after a drag of the scrollbar) into 8,000 px.
    const at = view(100_000, 400, 8_000, { offset: 8_000 + 10 * 34, first: 410 }, range(0, 1_400))
    const move = nextSlab(at)!
    expect(move.base).toBe(0)
    expect(move.top).toBe(0)
    // Rows 0–399 at 48 px end at 19,200 px: the list grew above the reader by 11,200 px.
    expect(move.shift).toBe(400 * 48 - 8_000)
  })

  it('follows a jump past it to the rows laid out there', () => {
    // A jump to the end of a 100,000-row list whose first 1,000 rows are the slab.
    const at = view(100_000, 0, 0, { offset: 100_000 * 34 - 400 })
    const move = nextSlab(at)!
    expect(move.base).toBe(99_000)
    expect(move.top).toBe(99_000 * 34)
    expect(move.shift).toBe(0)
    // And back up by the scrollbar, to a third of the way, from a slab laid out lower.
    const back = nextSlab(view(100_000, 99_000, 3_366_000, { offset: 1_122_000 }))!
    expect(back.base).toBe(Math.floor(1_122_000 / 34) - SLAB / 2)
    expect(back.top).toBe(back.base * 34)
  })
})
