import { useEffect, useRef, type RefObject } from 'react'

/**
 * Keeps the newest entries in view: the list follows a new entry unless the reader has scrolled
 * away from the end (and is not writing in the composer just below it): they are left where they are.
 * Wraps the list from outside (TimelineList owns its virtual rows).
 */
export function useFollowNewest(
  section: RefObject<HTMLElement | null>,
  id: string,
  count: number | null,
) {
  const atEnd = useRef(true)
  const scroller = () => section.current?.querySelector<HTMLElement>('.timeline-scroll') ?? null
  const toEnd = () => {
    const el = scroller()
    if (!el) return
    el.scrollTop = el.scrollHeight
    // Rows are measured after they render: settle once more on the next frame.
    requestAnimationFrame(() => {
      el.scrollTop = el.scrollHeight
      atEnd.current = true
    })
  }
  // A newly opened incident shows its start; the first new entry brings the end into view,
  // unless the reader has scrolled the list by then. The count is null until the first window
  // of the timeline arrives: its arrival is the opening, not a new entry.
  const seen = useRef({ id, count })
  useEffect(() => {
    if (count === null) return
    const before = seen.current
    seen.current = { id, count }
    if (before.id !== id || before.count === null) {
      atEnd.current = true
      return
    }
    if (count <= before.count) return
    const writing = section.current
      ?.querySelector('form[aria-label="Add to the timeline"]')
      ?.contains(document.activeElement)
    if (atEnd.current || writing) toEnd()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, count])
  useEffect(() => {
    const root = section.current
    if (!root) return
    // Only the reader's own scrolling says where they read: a list that grows or shrinks (the
    // header's banner coming and going) scrolls too, and must not stop the following.
    let intent = 0
    const onIntent = () => (intent = performance.now())
    const onScroll = (event: Event) => {
      const el = event.target as HTMLElement
      if (!el.classList?.contains('timeline-scroll') || performance.now() - intent > 1000) return
      atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60
    }
    const intents = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const
    for (const type of intents) root.addEventListener(type, onIntent, { passive: true })
    root.addEventListener('scroll', onScroll, true)
    return () => {
      for (const type of intents) root.removeEventListener(type, onIntent)
      root.removeEventListener('scroll', onScroll, true)
    }
  }, [section])
}
