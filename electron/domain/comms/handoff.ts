import type { Status } from '../lifecycle/status'
import { utcStamp } from '../../shared/time'
import type { CommsView } from './view'

const NEXT_STEP: Partial<Record<Status, string>> = {
  pending: 'stabilize the service',
  stabilized: 'investigate the root cause, or resolve',
  investigating: 'finish the investigation and its issues, then resolve',
}

/** For the next runner: every active incident, its status, lead, what is pending, next update. */
export function renderHandoff(
  incidents: readonly (CommsView & { pending?: readonly string[] })[],
  now: string,
): string {
  const head = `Shift handoff, ${utcStamp(now)}: ${
    incidents.length === 0
      ? 'no active incidents.'
      : `${incidents.length} active incident${incidents.length === 1 ? '' : 's'}`
  }`
  const blocks = incidents.map((view, i) =>
    [
      `${i + 1}. ${view.severityLabel}: ${view.title}`,
      `   Status: ${view.statusLabel} · Lead: ${view.lead ?? 'none yet: find one'}`,
      `   Pending: ${[NEXT_STEP[view.status], ...(view.pending ?? [])].filter(Boolean).join('; ')}`,
      `   Next update due: ${view.nextUpdateDue ? utcStamp(view.nextUpdateDue) : 'none'}`,
      ...(view.p2Url ? [`   P2: ${view.p2Url}`] : []),
    ].join('\n'),
  )
  return [head, ...blocks].join('\n\n')
}
