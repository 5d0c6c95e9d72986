import { MINUTE } from '../domain/comms/cadence'
import { job } from './deadlines/job'

/**
 * "No lead yet": every N minutes after recording, for each active incident without a lead, one
 * notification. The memory is the last slot announced (1 = N minutes after recording), kept in the
 * ledger, so after a long sleep each incident gets ONE reminder and a restart repeats none.
 */
export const leadReminderJob = job<number>({
  name: 'lead',
  watches: (summary) => summary.active && !summary.lead,
  check({ summary }, announced = 0, { now, settings }) {
    const every = settings.leadReminderMinutes * MINUTE
    const recordedAt = Date.parse(summary.recordedAt)
    const slot = Math.floor((now - recordedAt) / every)
    const nextAt = recordedAt + (slot + 1) * every
    if (slot < 1 || slot <= announced) return { memory: announced || undefined, nextAt }
    return {
      say: [
        {
          title: `No lead yet: ${summary.title}`,
          body: 'Choose who leads it. By default, this week’s runner.',
          incidentId: summary.id,
          short: 'no lead yet',
        },
      ],
      memory: slot,
      nextAt,
    }
  },
})
