import type { ShownItem } from '../../../../electron/shared/types'
import { useEffect, useRef } from 'react'
import { ROW_ESTIMATE } from './slab'
import { useSlabVirtualizer } from './useSlabVirtualizer'
import type { TimeZoneChoice } from './view'
import { TimelineEntry } from './TimelineEntry'
import './TimelineList.css'

/**
 * Only the rows in view are in the DOM, and only a window around them is held (fetched by the
 * parent as `onRange` reports the rows shown), and only a slab of rows around them is laid out
 * (slab.ts), so a 100,000-entry timeline opens like a short one.
 */
export function TimelineList(props: {
  incidentId: string
  /** Rows in the (filtered) timeline; the item of a row is there once its window arrived. */
  count: number
  itemAt(index: number): ShownItem | undefined
  onRange(first: number, last: number): void
  zone: TimeZoneChoice
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const slab = useSlabVirtualizer(scroller, props.incidentId, props.count)
  const { virtualizer, base, rows, height } = slab
  const first = slab.first ?? base
  const last = slab.last ?? base
  const { onRange } = props
  useEffect(() => onRange(first, last), [onRange, first, last])
  if (props.count === 0) {
    return <p className="timeline-empty">Nothing here matches. Clear the search or the filter.</p>
  }
  return (
    <div className="timeline-scroll" ref={scroller}>
      <ol className="timeline-list" aria-label="Timeline entries" style={{ height }}>
        {rows.map((row) => {
          const index = base + row.index
          const item = props.itemAt(index)
          if (!item) {
            return (
              <li
                key={`row-${index}`}
                data-index={row.index}
                className="timeline-pending"
                aria-busy="true"
                style={{ transform: `translateY(${row.start}px)`, height: ROW_ESTIMATE }}
              />
            )
          }
          return (
            <li
              // React keeps an entry's own state (an open editor) with the entry, wherever it moves.
              key={item.id}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={`timeline-entry kind-${item.kind}${item.kind !== 'lifecycle' && item.deleted ? ' deleted' : ''}`}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <TimelineEntry incidentId={props.incidentId} item={item} zone={props.zone} />
            </li>
          )
        })}
      </ol>
    </div>
  )
}
