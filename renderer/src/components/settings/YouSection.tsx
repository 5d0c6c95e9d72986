import { useState } from 'react'
import { knownTimeZones, WEEKDAYS } from '../../../../electron/shared/format'
import type { Settings } from '../../../../electron/shared/types'
import { useApp } from '../../store'
import { systemTimeZone } from '../../../../electron/shared/time'
import { ClockInput } from '../common/ClockInput'
import { FieldError, TextSetting, useDraft, useSettingsSave } from './fields'

/** Name, chat handle, time zone and working hours: the lead suggestion weighs these. */
export function YouSection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  const openFirstRun = useApp((s) => s.openFirstRun)
  const you = settings.you
  return (
    <>
      <TextSetting
        label="Your name"
        value={you.name}
        placeholder="As teammates know you"
        error={errors.name}
        onCommit={(name) => void save('name', { you: { name } })}
      />
      <TextSetting
        label="Chat handle"
        value={you.chatHandle}
        placeholder="@handle on Slack or Matrix"
        error={errors.chatHandle}
        onCommit={(chatHandle) => void save('chatHandle', { you: { chatHandle } })}
      />
      <TextSetting
        label="Time zone"
        value={you.timeZone}
        list="time-zones"
        placeholder={`System: ${systemTimeZone()}`}
        hint={`An IANA name like Europe/Berlin. Empty uses the system’s (${systemTimeZone()}).`}
        error={errors.timeZone}
        onCommit={(timeZone) => void save('timeZone', { you: { timeZone } })}
      />
      <TimeZoneList />
      <WorkingHoursFields
        hours={you.workingHours}
        error={errors.workingHours}
        onSave={(workingHours) => save('workingHours', { you: { workingHours } })}
      />
      <div className="field">
        <span className="label">First-run setup</span>
        <div>
          <button type="button" onClick={openFirstRun}>
            Run the setup again
          </button>
        </div>
      </div>
    </>
  )
}

export function TimeZoneList() {
  return (
    <datalist id="time-zones">
      {knownTimeZones().map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  )
}

type Hours = Settings['you']['workingHours']

/** Start and end are saved together, so fixing either half of a refused pair saves both. */
export function WorkingHoursFields({
  hours,
  error,
  onSave,
}: {
  hours: Hours
  error: string | undefined
  onSave(hours: Hours): Promise<boolean> | void
}) {
  const [start, setStart] = useState(hours.start)
  const [end, setEnd] = useState(hours.end)
  const [synced, setSynced] = useState(hours)
  if (synced.start !== hours.start || synced.end !== hours.end) {
    setSynced(hours)
    setStart(hours.start)
    setEnd(hours.end)
  }
  const saveTimes = (nextStart: string, nextEnd: string) => {
    if (nextStart && nextEnd) void onSave({ ...hours, start: nextStart, end: nextEnd })
  }
  const [days, setDays] = useDraft(
    hours.days,
    async (next) => (await onSave({ ...hours, days: next })) !== false,
  )
  const toggleDay = (day: number) =>
    setDays(days.includes(day) ? days.filter((d) => d !== day) : [...days, day])
  return (
    <fieldset className="field">
      <legend className="label">Working hours</legend>
      <div className="hours-row">
        <label>
          <span>From</span>
          <ClockInput
            value={start}
            aria-invalid={error ? true : undefined}
            onChange={(next) => {
              setStart(next)
              saveTimes(next, end)
            }}
          />
        </label>
        <label>
          <span>to</span>
          <ClockInput
            value={end}
            aria-invalid={error ? true : undefined}
            onChange={(next) => {
              setEnd(next)
              saveTimes(start, next)
            }}
          />
        </label>
      </div>
      <div className="days" role="group" aria-label="Working days">
        {WEEKDAYS.map((name, i) => (
          <label key={name} className="day">
            <input
              type="checkbox"
              checked={days.includes(i + 1)}
              onChange={() => toggleDay(i + 1)}
            />
            <span>{name}</span>
          </label>
        ))}
      </div>
      <FieldError id="working-hours-error" message={error} />
    </fieldset>
  )
}
