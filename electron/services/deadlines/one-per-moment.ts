import type { NotificationRequest } from '../ports'
import type { Reminder } from './job'

/**
 * One notification per incident per moment: when several reminders come due together ("overdue"
 * and "No lead yet" on the hour), they are said once, naming each: "Update overdue by 10 min ·
 * no lead yet", with each one's words below. Each job keeps its own rate; only the saying merges.
 */
export function onePerMoment(reminders: readonly Reminder[]): NotificationRequest[] {
  const byIncident = new Map<string, Reminder[]>()
  const out: NotificationRequest[] = []
  for (const reminder of reminders) {
    if (reminder.incidentId === undefined) out.push(plain(reminder))
    else {
      const group = byIncident.get(reminder.incidentId)
      if (group) group.push(reminder)
      else byIncident.set(reminder.incidentId, [reminder])
    }
  }
  for (const [incidentId, group] of byIncident) {
    if (group.length === 1) {
      out.push(plain(group[0]!))
      continue
    }
    const title = group.map((r) => r.short).join(' · ')
    out.push({
      title: title.charAt(0).toUpperCase() + title.slice(1),
      body: [...new Set(group.map((r) => r.body))].join('\n'),
      incidentId,
    })
  }
  return out
}

function plain({ title, body, incidentId }: Reminder): NotificationRequest {
  return incidentId === undefined ? { title, body } : { title, body, incidentId }
}
