import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { nextSlab, ROW_ESTIMATE, slabSpan } from './slab'

/**
 * The timeline's virtualizer over a slab of its rows (slab.ts): row `base + i` is the
 * virtualizer's item `i`, and the list's height counts the rows outside the slab.
 */
export function useSlabVirtualizer(
  scroller: RefObject<HTMLDivElement | null>,
  incidentId: string,
  count: number,
) {
  const [slab, setSlab] = useState({ incidentId, base: 0, top: 0 })
  // Another incident opens at its start, and so does a timeline now shorter than the slab's place.
  const fresh = slab.incidentId !== incidentId || slab.base >= Math.max(1, count)
  const { base, top } = fresh ? { base: 0, top: 0 } : slab
  const span = slabSpan(count, base)
  // The virtualizer hands out functions React Compiler must not memoize; it is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: span,
    getScrollElement: () => scroller.current,
    // A typed note is one line (about 33 px): an estimate near it lets the list open at its end
    // in one pass on a long timeline instead of correcting its scroll over several frames.
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    // The rows before the slab.
    scrollMargin: top,
    // Sizes are kept by row, not by entry: the held window drops the entries far from the view,
    // and a size keyed by an entry no longer held was forgotten, so every row above the view
    // shrank back to the estimate and the view leapt ahead by dozens of rows.
    getItemKey: useCallback((index: number) => base + index, [base]),
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows.length ? base + rows[0]!.index : null
  const last = rows.length ? base + rows.at(-1)!.index : null

  // A scroll to make once the moved slab is laid out (only when it moved to the list's top).
  const shift = useRef(0)
  // After every layout, before paint: move the slab if the reader has scrolled near its edge or
  // out of it.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    if (shift.current) el.scrollTop += shift.current
    shift.current = 0
    const move = nextSlab({
      total: count,
      base,
      top,
      span,
      height: virtualizer.getTotalSize(),
      offset: el.scrollTop,
      viewport: el.clientHeight,
      first,
      last,
      startOf: (row) => virtualizer.measurementsCache[row - base]?.start ?? top,
      sizeOf: (row) => virtualizer.itemSizeCache.get(row) ?? ROW_ESTIMATE,
    })
    if (!move) return
    shift.current = move.shift
    setSlab({ incidentId, base: move.base, top: move.top })
  }, [scroller, virtualizer, incidentId, count, base, top, span, rows, first, last])

  return {
    virtualizer,
    base,
    rows,
    /** The first and last rows rendered (timeline indexes), or null for none. */
    first,
    last,
    /** The whole list's height: the rows before the slab, the slab, the rows after it. */
    height: top + virtualizer.getTotalSize() + (count - base - span) * ROW_ESTIMATE,
  }
}
