import { useState } from 'react'
import type { Rota } from '../../../../electron/domain/settings/rota'
import { api } from '../../api'
import { useApp } from '../../store'
import { FormDialog } from '../common/FormDialog'
import './RotaEditor.css'

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

interface PersonRow {
  name: string
  handle: string
  timeZone: string
  start: string
  end: string
  days: number[]
  expertise: string
}

const toRow = (p: Rota['people'][number]): PersonRow => ({
  name: p.name,
  handle: p.handle,
  timeZone: p.timeZone,
  start: p.workingHours.start,
  end: p.workingHours.end,
  days: p.workingHours.days,
  expertise: p.expertise.join(', '),
})

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** The rota: people (zone, hours, expertise) and who runs which week. Saved as a whole. */
export function RotaEditor({ onClose }: { onClose: () => void }) {
  const rota = useApp((s) => s.snapshot!.settings.rota)
  const [people, setPeople] = useState<PersonRow[]>(rota.people.map(toRow))
  const [schedule, setSchedule] = useState(rota.schedule)
  const setPerson = (i: number, patch: Partial<PersonRow>) =>
    setPeople((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const setWeek = (i: number, patch: Partial<Rota['schedule'][number]>) =>
    setSchedule((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  return (
    <FormDialog
      title="Rota"
      hint="Who can lead, when they work (in their own time zone), what they know, and who is the runner each week (weeks start Monday 00:00 UTC)."
      submitLabel="Save rota"
      wide
      onClose={onClose}
      onSubmit={async () => {
        const r = await api.settings.update({
          rota: {
            people: people.map((p) => ({
              name: p.name,
              handle: p.handle,
              timeZone: p.timeZone,
              workingHours: { start: p.start, end: p.end, days: p.days },
              expertise: p.expertise
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            })),
            schedule,
          },
        })
        return r.ok ? null : r.error.message
      }}
    >
      <fieldset className="field">
        <legend className="label">People</legend>
        <table className="rota-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Chat handle</th>
              <th>Time zone</th>
              <th>Hours</th>
              <th>Days</th>
              <th>Knows (tags, commas)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {people.map((p, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label="Name"
                    value={p.name}
                    onChange={(e) => setPerson(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label="Chat handle"
                    value={p.handle}
                    onChange={(e) => setPerson(i, { handle: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label="Time zone"
                    value={p.timeZone}
                    onChange={(e) => setPerson(i, { timeZone: e.target.value })}
                  />
                </td>
                <td className="rota-hours">
                  <input
                    aria-label="Start"
                    placeholder="09:00"
                    value={p.start}
                    onChange={(e) => setPerson(i, { start: e.target.value })}
                  />
                  –
                  <input
                    aria-label="End"
                    placeholder="17:00"
                    value={p.end}
                    onChange={(e) => setPerson(i, { end: e.target.value })}
                  />
                </td>
                <td className="rota-days">
                  {DAY_NAMES.map((d, k) => (
                    <label key={d} title={d}>
                      <input
                        type="checkbox"
                        checked={p.days.includes(k + 1)}
                        onChange={(e) =>
                          setPerson(i, {
                            days: e.target.checked
                              ? [...p.days, k + 1].sort()
                              : p.days.filter((x) => x !== k + 1),
                          })
                        }
                      />
                      {d[0]}
                    </label>
                  ))}
                </td>
                <td>
                  <input
                    aria-label="Knows"
                    value={p.expertise}
                    onChange={(e) => setPerson(i, { expertise: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setPeople((rows) => rows.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() =>
            setPeople((rows) => [
              ...rows,
              {
                name: '',
                handle: '',
                timeZone: localZone(),
                start: '09:00',
                end: '17:00',
                days: [1, 2, 3, 4, 5],
                expertise: '',
              },
            ])
          }
        >
          Add person
        </button>
      </fieldset>
      <fieldset className="field">
        <legend className="label">Runner schedule</legend>
        <ul className="rota-weeks">
          {schedule.map((w, i) => (
            <li key={i}>
              <label>
                Week of (Monday){' '}
                <input
                  type="date"
                  value={w.weekStart}
                  onChange={(e) => setWeek(i, { weekStart: e.target.value })}
                />
              </label>
              <label>
                Runner{' '}
                <select value={w.runner} onChange={(e) => setWeek(i, { runner: e.target.value })}>
                  <option value="">Choose…</option>
                  {people
                    .filter((p) => p.name.trim())
                    .map((p) => (
                      <option key={p.name}>{p.name}</option>
                    ))}
                </select>
              </label>
              <button
                type="button"
                className="link"
                onClick={() => setSchedule((rows) => rows.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() =>
            setSchedule((rows) => [...rows, { weekStart: nextMonday(rows), runner: '' }])
          }
        >
          Add week
        </button>
      </fieldset>
    </FormDialog>
  )
}

/** The Monday after the last scheduled week, or this week's Monday (UTC). */
function nextMonday(rows: Rota['schedule']): string {
  const last = rows.at(-1)
  const base = last
    ? new Date(`${last.weekStart}T00:00:00Z`).getTime() + 7 * 86_400_000
    : Date.now()
  const d = new Date(base)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}
