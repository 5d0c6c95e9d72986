import { audienceOf } from '../../../../electron/shared/format'
import type { Audience, TimelineItem } from '../../../../electron/shared/types'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { TimeZoneChoice } from './view'
import { TimelineEntry } from './TimelineEntry'
import './TimelineList.css'

/**
 * Only the rows in view are in the DOM, and only a window around them is held (fetched by the
 * parent as `onRange` reports the rows shown), so a 100,000-entry timeline opens like a short one.
 */
export function TimelineList(props: {
  incidentId: string
  /** Per-item audience overrides (public / internal in outputs). */
  audience: Readonly<Record<string, Audience>>
  /** Rows in the (filtered) timeline; the item of a row is there once its window arrived. */
  count: number
  itemAt(index: number): TimelineItem | undefined
  onRange(first: number, last: number): void
  zone: TimeZoneChoice
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer hands out functions React Compiler must not memoize; it is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scroller.current,
    // A typed note is one line (about 33 px): an estimate near it lets the list open at its end
    // in one pass on a long timeline instead of correcting its scroll over several frames.
    estimateSize: () => 34,
    overscan: 6,
    getItemKey: (index) => props.itemAt(index)?.id ?? index,
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]?.index ?? 0
  const last = rows.at(-1)?.index ?? 0
  const { onRange } = props
  useEffect(() => onRange(first, last), [onRange, first, last])
  if (props.count === 0) {
    return <p className="timeline-empty">Nothing here matches. Clear the search or the filter.</p>
  }
  return (
    <div className="timeline-scroll" ref={scroller}>
      <ol
        className="timeline-list"
        aria-label="Timeline entries"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const item = props.itemAt(row.index)
          if (!item) {
            return (
              <li
                key={row.key}
                data-index={row.index}
                className="timeline-pending"
                aria-busy="true"
                style={{ transform: `translateY(${row.start}px)`, height: 56 }}
              />
            )
          }
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={`timeline-entry kind-${item.kind}${item.kind !== 'lifecycle' && item.deleted ? ' deleted' : ''}`}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <TimelineEntry
                incidentId={props.incidentId}
                item={item}
                zone={props.zone}
                audience={audienceOf(item, props.audience)}
              />
            </li>
          )
        })}
      </ol>
    </div>
  )
}
