import { useCallback, useEffect, useRef, useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { ShownItem, ShownWindow, TimelineFilter } from '../../../../electron/shared/types'
import { WINDOW_MAX } from '../../../../electron/shared/timeline-contract'
import { api } from '../../api'
import { useApp } from '../../store'

/** Rows fetched beyond each end of the visible range, so scrolling a little never waits. */
export const MARGIN = 100

/**
 * The list's window on the timeline: only the visible range plus a margin is held, fetched again
 * when the reader scrolls past it, the filter changes or the incident does (a new version: a push
 * for another incident, or a settings change, fetches nothing).
 */
export function useTimelineWindow(incident: IncidentViewModel, filter: TimelineFilter) {
  const [page, setPage] = useState<(ShownWindow & { id: string; key: string }) | null>(null)
  const range = useRef<[number, number] | null>(null)
  const asked = useRef(0)
  const key = JSON.stringify(filter)

  const load = useCallback(
    (from: number | undefined, count: number) => {
      const ticket = ++asked.current
      const id = incident.id
      void api.timeline
        .window({ id: incident.id, from, count: Math.min(count, WINDOW_MAX), ...filter })
        .then((result) => {
          if (ticket !== asked.current) return
          if (!result.ok) return useApp.getState().showError(result.error.message)
          setPage({ ...result.value, id, key })
        })
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [incident.id, incident.version, key],
  )

  const around = useCallback(() => {
    const r = range.current
    if (!r) return load(0, 2 * MARGIN)
    load(Math.max(0, r[0] - MARGIN), r[1] - r[0] + 1 + 2 * MARGIN)
  }, [load])

  // A new version of the incident, or another filter: the same range, fresh.
  const shown = useRef({ id: incident.id, key })
  useEffect(() => {
    if (shown.current.id !== incident.id || shown.current.key !== key) range.current = null
    shown.current = { id: incident.id, key }
    around()
  }, [around, incident.id, key])

  /** The list reports the rows it shows; past the held window's edge, the next window is fetched. */
  const onRange = useCallback(
    (first: number, last: number) => {
      range.current = [first, last]
      if (!page) return
      const end = page.start + page.items.length
      const short = (first < page.start && page.start > 0) || (last >= end && end < page.total)
      if (short) around()
    },
    [page, around],
  )

  const current = page && page.id === incident.id && page.key === key
  const itemAt = (index: number): ShownItem | undefined =>
    current ? page.items[index - page.start] : undefined
  return {
    /** Items matching the filter; null until the first window arrives. */
    total: current ? page.total : null,
    all: current ? page.all : incident.timelineTotal,
    deleted: current ? page.deleted : 0,
    itemAt,
    onRange,
  }
}
