import { useState } from 'react'
import type { Rota } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'
import { FormDialog } from '../common/FormDialog'
import { fromRow, newPerson, nextMonday, toRow, type PersonRow } from './rota-rows'
import './RotaEditor.css'
import { IsoDateInput } from '../common/IsoDateInput'
import { ClockInput } from '../common/ClockInput'

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** The rota: people (zone, hours, expertise) and who runs which week. Saved as a whole. */
export function RotaEditor({ onClose }: { onClose: () => void }) {
  const rota = useApp((s) => s.snapshot!.settings.rota)
  const [people, setPeople] = useState<PersonRow[]>(rota.people.map(toRow))
  const [schedule, setSchedule] = useState(rota.schedule)

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
            people: people.map(fromRow),
            schedule,
          },
        })
        return r.ok ? null : r.error.message
      }}
    >
      <PeopleFieldset people={people} setPeople={setPeople} />
      <ScheduleFieldset people={people} schedule={schedule} setSchedule={setSchedule} />
    </FormDialog>
  )
}

type SetRows<T> = (update: (rows: T[]) => T[]) => void
type Week = Rota['schedule'][number]

function PeopleFieldset(props: { people: PersonRow[]; setPeople: SetRows<PersonRow> }) {
  const { people, setPeople } = props
  const setPerson = (i: number, patch: Partial<PersonRow>) =>
    setPeople((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
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
            <PersonRowView
              key={i}
              person={p}
              onChange={(patch) => setPerson(i, patch)}
              onRemove={() => setPeople((rows) => rows.filter((_, j) => j !== i))}
            />
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setPeople((rows) => [...rows, newPerson()])}>
        Add person
      </button>
    </fieldset>
  )
}

function PersonRowView(props: {
  person: PersonRow
  onChange: (patch: Partial<PersonRow>) => void
  onRemove: () => void
}) {
  const { person, onChange, onRemove } = props
  return (
    <tr>
      <td>
        <input
          aria-label="Name"
          value={person.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label="Chat handle"
          value={person.handle}
          onChange={(e) => onChange({ handle: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label="Time zone"
          value={person.timeZone}
          onChange={(e) => onChange({ timeZone: e.target.value })}
        />
      </td>
      <td className="rota-hours">
        <ClockInput
          aria-label="Start"
          value={person.start}
          onChange={(start) => onChange({ start })}
        />
        –
        <ClockInput aria-label="End" value={person.end} onChange={(end) => onChange({ end })} />
      </td>
      <td className="rota-days">
        {DAY_NAMES.map((d, k) => (
          <label key={d} title={d}>
            <input
              type="checkbox"
              checked={person.days.includes(k + 1)}
              onChange={(e) =>
                onChange({
                  days: e.target.checked
                    ? [...person.days, k + 1].sort()
                    : person.days.filter((x) => x !== k + 1),
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
          value={person.expertise}
          onChange={(e) => onChange({ expertise: e.target.value })}
        />
      </td>
      <td>
        <button type="button" className="link" onClick={onRemove}>
          Remove
        </button>
      </td>
    </tr>
  )
}

function ScheduleFieldset(props: {
  people: PersonRow[]
  schedule: Week[]
  setSchedule: SetRows<Week>
}) {
  const { people, schedule, setSchedule } = props
  const setWeek = (i: number, patch: Partial<Week>) =>
    setSchedule((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <fieldset className="field">
      <legend className="label">Runner schedule</legend>
      <ul className="rota-weeks">
        {schedule.map((w, i) => (
          <li key={i}>
            <label>
              Week of (Monday){' '}
              <IsoDateInput
                value={w.weekStart}
                onChange={(weekStart) => setWeek(i, { weekStart })}
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
  )
}
