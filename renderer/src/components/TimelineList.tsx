import { audienceOf, type Audience } from '../../../electron/domain/audience'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { TimelineItem } from '../../../electron/domain/timeline'
import type { TimeZoneChoice } from '../timeline/view'
import { TimelineEntry } from './TimelineEntry'

/** Only the rows in view are in the DOM, so a 10,000-entry timeline scrolls like a short one. */
export function TimelineList(props: {
  incidentId: string
  /** Per-item audience overrides (public / internal in outputs). */
  audience: Readonly<Record<string, Audience>>
  items: TimelineItem[]
  zone: TimeZoneChoice
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer hands out functions React Compiler must not memoize; it is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 6,
    getItemKey: (index) => props.items[index]?.id ?? index,
  })
  if (props.items.length === 0) {
    return <p className="timeline-empty">Nothing here matches. Clear the search or the filter.</p>
  }
  return (
    <div className="timeline-scroll" ref={scroller}>
      <ol
        className="timeline-list"
        aria-label="Timeline entries"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = props.items[row.index]!
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
