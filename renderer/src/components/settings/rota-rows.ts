import { systemTimeZone } from '../../../../electron/shared/time'
import type { Rota } from '../../../../electron/shared/types'

/** One person of the rota as the editor's table holds it: hours flat, expertise as typed. */
export interface PersonRow {
  name: string
  handle: string
  timeZone: string
  start: string
  end: string
  days: number[]
  expertise: string
}

export const toRow = (p: Rota['people'][number]): PersonRow => ({
  name: p.name,
  handle: p.handle,
  timeZone: p.timeZone,
  start: p.workingHours.start,
  end: p.workingHours.end,
  days: p.workingHours.days,
  expertise: p.expertise.join(', '),
})

export const fromRow = (p: PersonRow): Rota['people'][number] => ({
  name: p.name,
  handle: p.handle,
  timeZone: p.timeZone,
  workingHours: { start: p.start, end: p.end, days: p.days },
  expertise: p.expertise
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
})

/** A new row: this machine's zone, office hours on weekdays. */
export const newPerson = (): PersonRow => ({
  name: '',
  handle: '',
  timeZone: systemTimeZone(),
  start: '09:00',
  end: '17:00',
  days: [1, 2, 3, 4, 5],
  expertise: '',
})

export /** The Monday after the last scheduled week, or this week's Monday (UTC). */
function nextMonday(rows: Rota['schedule']): string {
  const last = rows.at(-1)
  const base = last
    ? new Date(`${last.weekStart}T00:00:00Z`).getTime() + 7 * 86_400_000
    : Date.now()
  const d = new Date(base)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}
