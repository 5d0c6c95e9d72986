import { UserError } from '../incident/errors'
import type { Incident, KeyTimes } from '../incident'
import { KEY_TIME_LABELS, type KeyTime } from './events'
import { STATUSES, type Status } from './status'
import { elapsed, firstStabilizedAt, resolvedAt } from './times'

export interface IncidentMetrics {
  /** From impact start to detection; null until an impact start is known. */
  timeToDetect: number | null
  /** From impact start (or detection) to the first stabilization. */
  timeToStabilize: number | null
  /** From impact start (or detection) to the resolution; null while active. */
  timeToResolve: number | null
  /** Milliseconds spent in each status, the current one counted up to `now`. */
  timeInStatus: Record<Status, number>
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : null)

export function incidentMetrics(
  incident: Pick<Incident, 'status' | 'keyTimes' | 'statusHistory'>,
  now: number,
): IncidentMetrics {
  const k = incident.keyTimes
  const start = k.impactStartedAt ?? k.detectedAt
  const since = (end: string | null) => (end === null ? null : elapsed(start, end))
  const timeInStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>
  incident.statusHistory.forEach((entry, i) => {
    const end = ms(incident.statusHistory[i + 1]?.at) ?? now
    timeInStatus[entry.status] += Math.max(0, end - Date.parse(entry.at))
  })
  return {
    timeToDetect: k.impactStartedAt ? elapsed(k.impactStartedAt, k.detectedAt) : null,
    timeToStabilize: since(firstStabilizedAt(incident)),
    timeToResolve: since(resolvedAt(incident)),
    timeInStatus,
  }
}

/** Checks a corrected key time; throws a UserError a person can act on. */
export function checkKeyTime(keyTimes: KeyTimes, key: KeyTime, value: Date, now: Date): void {
  const label = KEY_TIME_LABELS[key]
  if (value.getTime() > now.getTime() + 60_000) {
    throw new UserError('future-time', `${label} can’t be in the future.`)
  }
  if ((key === 'stabilizedAt' || key === 'resolvedAt') && !keyTimes[key]) {
    throw new UserError(
      'not-reached',
      `The incident has not been ${label.toLowerCase()} yet; move it there first, then correct the time.`,
    )
  }
  const merged = { ...keyTimes, [key]: value.toISOString() }
  const order: KeyTime[] = ['impactStartedAt', 'detectedAt', 'recordedAt']
  for (let i = 0; i + 1 < order.length; i++) {
    const a = order[i]!
    const b = order[i + 1]!
    const ta = ms(merged[a])
    const tb = ms(merged[b])
    if (ta !== null && tb !== null && ta > tb) {
      throw new UserError(
        'time-order',
        `${KEY_TIME_LABELS[a]} (${merged[a]}) can’t be after ${KEY_TIME_LABELS[b].toLowerCase()} (${merged[b]}).`,
      )
    }
  }
}
