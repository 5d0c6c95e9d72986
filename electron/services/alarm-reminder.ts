import { HOUR } from '../domain/comms/cadence'
import { humanDuration } from '../shared/time'
import type { IncidentSummary } from '../domain/incident'
import { job, type Reminder } from './deadlines/job'

/** What was already said about one incident's silenced alarms. */
interface AlarmMemory {
  /** Per alarm: how many whole reminder periods were already announced. */
  periods: Record<string, number>
  /** Told "Resolved with alarms still silenced" (until it is active again). */
  resolvedWarned?: true
}

/**
 * Silenced-alarm reminders: an alarm silenced longer than `mitigation.alarmReminderHours` is
 * announced once, then once per further period (silenced at + n periods, absolute); a sleep
 * through several periods yields one reminder. Closing an incident with alarms still silenced is
 * said once.
 */
export const alarmReminderJob = job<AlarmMemory>({
  name: 'alarm',
  watches: (summary) => (summary.silencedAlarms?.length ?? 0) > 0,
  check({ summary }, memory, { now, settings }) {
    const period = settings.mitigation.alarmReminderHours * HOUR
    const silenced = summary.silencedAlarms ?? []
    const say: Reminder[] = []
    const next: AlarmMemory = { periods: {} }
    let nextAt = Infinity
    for (const alarm of silenced) {
      const since = Date.parse(alarm.silencedAt)
      const due = Math.floor((now - since) / period)
      const said = memory?.periods[alarm.id] ?? 0
      if (due > said) {
        const silencedFor = `“${alarm.name}” silenced for ${humanDuration(now - since)}`
        say.push({
          title: `Alarm ${silencedFor}`,
          body: `${summary.title}: re-enable it when it is safe, or note why it stays off.`,
          incidentId: summary.id,
          short: `alarm ${silencedFor}`,
        })
      }
      next.periods[alarm.id] = Math.max(due, said)
      nextAt = Math.min(nextAt, since + (next.periods[alarm.id]! + 1) * period)
    }
    if (!summary.active) {
      if (!memory?.resolvedWarned) say.push(closedWithAlarms(summary))
      next.resolvedWarned = true
    }
    return { say, memory: next, nextAt }
  },
  legacy: {
    file: 'alarm-reminders.json',
    // { periods: { "<incident>/<alarm>": n }, resolvedWarned: [incident ids] }
    read(parsed) {
      const old = parsed as { periods?: Record<string, number>; resolvedWarned?: string[] }
      const out: Record<string, AlarmMemory> = {}
      for (const [key, n] of Object.entries(old.periods ?? {})) {
        const [id, alarm] = key.split('/') as [string, string]
        ;(out[id] ??= { periods: {} }).periods[alarm] = n
      }
      for (const id of old.resolvedWarned ?? []) (out[id] ??= { periods: {} }).resolvedWarned = true
      return out
    },
  },
})

function closedWithAlarms(summary: IncidentSummary): Reminder {
  const silenced = summary.silencedAlarms ?? []
  const n = silenced.length
  const title = `${summary.status === 'resolved' ? 'Resolved' : 'Closed'} with ${n} alarm${n === 1 ? '' : 's'} still silenced`
  return {
    title,
    body: `${summary.title}: re-enable ${silenced.map((a) => `“${a.name}”`).join(', ')}.`,
    incidentId: summary.id,
    short: title.toLowerCase(),
  }
}
