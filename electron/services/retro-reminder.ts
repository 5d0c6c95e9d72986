import type { Incident } from '../domain/incident'
import { retroDue, retroFacts, type RetroFacts } from '../domain/retro/due'
import { severityLabel } from '../domain/incident/severity'
import { job } from './deadlines/job'

/**
 * "Retrospective due" once per resolution, N working days after it, while the retro is wanted and
 * not held. The memory is the remindAt already announced. Only incidents whose summary marks the
 * retro due are read in full.
 */
export function retroReminderJob(facts: (incident: Incident) => RetroFacts = retroFacts) {
  return job<string>({
    name: 'retro',
    watches: (summary) => summary.retroDue === true,
    check({ incident: full }, sent, { now, settings }) {
      const incident = full()
      const { remindAt } = retroDue(incident, new Date(now), settings, facts(incident))
      if (!remindAt) return {}
      if (sent === remindAt) return { memory: sent }
      const at = Date.parse(remindAt)
      if (now < at) return { nextAt: at }
      return {
        say: [
          {
            title: 'Retrospective due',
            body: `${severityLabel(incident.scale, incident.severity)}: ${incident.title}. Hold a blameless retrospective while it is fresh.`,
            incidentId: incident.id,
            short: 'retrospective due',
          },
        ],
        memory: remindAt,
      }
    },
    // retro-reminders.json: incident id → the remindAt announced, the same shape.
    legacy: { file: 'retro-reminders.json', read: (parsed) => parsed as Record<string, string> },
  })
}
