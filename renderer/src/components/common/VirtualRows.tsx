import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'

/**
 * A scrolled list of which only the rows in view, and a few around them, are in the page: the
 * history of years of incidents, the moments of a weeks-long one. The timeline has its own
 * (TimelineList: a window fetched as it scrolls, and a slab of its rows).
 */
export function VirtualRows<T>(props: {
  items: readonly T[]
  keyOf(item: T): string
  /** A row's height before it is measured; with `fixed`, every row's height. */
  rowHeight: number
  fixed?: boolean
  /** The scrolled box, the list and each row. */
  className: string
  listClassName?: string
  rowClassName?: string
  label: string
  ordered?: boolean
  children(item: T): ReactNode
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const { items, rowHeight, fixed } = props
  // The virtualizer hands out functions React Compiler must not memoize; it is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => props.keyOf(items[index]!),
  })
  const List = props.ordered ? 'ol' : 'ul'
  return (
    <div className={props.className} ref={scroller}>
      <List
        className={props.listClassName}
        aria-label={props.label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => (
          <li
            key={row.key}
            data-index={row.index}
            ref={fixed ? undefined : virtualizer.measureElement}
            className={props.rowClassName}
            style={{
              height: fixed ? rowHeight : undefined,
              transform: `translateY(${row.start}px)`,
            }}
          >
            {props.children(items[row.index]!)}
          </li>
        ))}
      </List>
    </div>
  )
}
