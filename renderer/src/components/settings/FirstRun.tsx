import { useState, type FormEvent } from 'react'
import { SEVERITY_SCALES } from '../../../../electron/shared/format'
import type { Settings, SeverityScaleId } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'
import { ShortcutRecorder } from './ShortcutsSection'
import { systemTimeZone } from '../../../../electron/shared/time'
import { TimeZoneList, WorkingHoursFields } from './YouSection'
import { ModalDialog } from '../common/ModalDialog'
import { RadioGroup } from '../common/RadioGroup'
import { FormError } from '../common/RegisterCard'
import './FirstRun.css'

/**
 * A short setup on first start, prefilled from the system. It can be skipped (the app works
 * without it) and reopened from settings or the palette. Everything is saved in one change, so a
 * refused value (a taken shortcut, say) saves nothing.
 */
export function FirstRun({ settings }: { settings: Settings }) {
  const closeFirstRun = useApp((s) => s.closeFirstRun)
  const [name, setName] = useState(settings.you.name)
  const [timeZone, setTimeZone] = useState(() => settings.you.timeZone || systemTimeZone())
  const [hours, setHours] = useState(settings.you.workingHours)
  const [scale, setScale] = useState<SeverityScaleId>(settings.severityScale)
  const [shortcut, setShortcut] = useState(settings.shortcuts.record)
  const [error, setError] = useState<string | null>(null)

  const finish = async (event: FormEvent) => {
    event.preventDefault()
    const result = await api.settings.update({
      you: { name, timeZone, workingHours: hours },
      severityScale: scale,
      shortcuts: { record: shortcut },
      firstRun: { completed: true },
    })
    if (!result.ok) setError(result.error.message)
    else closeFirstRun()
  }
  const skip = async () => {
    const result = await api.settings.update({ firstRun: { skipped: true } })
    if (!result.ok) setError(result.error.message)
    else closeFirstRun()
  }

  return (
    <ModalDialog
      className="dialog first-run"
      aria-labelledby="first-run-heading"
      onClose={() => void skip()}
    >
      <form onSubmit={(e) => void finish(e)} noValidate>
        <header className="dialog-header">
          <h2 id="first-run-heading">Welcome to Incident Tray</h2>
          <p className="hint">
            Five things, so reminders and leads fit you: your name, time zone, working hours, the
            severity scale and the record shortcut. Everything can be changed later in Settings, and
            you can skip this and record an incident right away.
          </p>
        </header>
        <NameAndZone name={name} setName={setName} timeZone={timeZone} setTimeZone={setTimeZone} />
        <WorkingHoursFields
          hours={hours}
          error={undefined}
          onSave={(next) => {
            setHours(next)
          }}
        />
        <ScaleChoice scale={scale} onChange={setScale} />
        <ShortcutRecorder
          label="Global shortcut: Record incident"
          accelerator={shortcut}
          error={undefined}
          onRecord={setShortcut}
        />
        <FormError message={error} />
        <footer className="dialog-footer">
          <button type="button" onClick={() => void skip()}>
            Skip for now <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary">
            Finish setup
          </button>
        </footer>
      </form>
    </ModalDialog>
  )
}

function ScaleChoice(props: {
  scale: SeverityScaleId
  onChange: (scale: SeverityScaleId) => void
}) {
  return (
    <RadioGroup
      legend="Severity scale"
      name="first-run-scale"
      options={Object.values(SEVERITY_SCALES).map((s) => ({ value: s.id, label: s.name }))}
      value={props.scale}
      onChange={props.onChange}
    />
  )
}

function NameAndZone(props: {
  name: string
  setName: (name: string) => void
  timeZone: string
  setTimeZone: (zone: string) => void
}) {
  const { name, setName, timeZone, setTimeZone } = props
  return (
    <div className="field-row">
      <label className="field">
        <span className="label">Your name</span>
        <input
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="As teammates know you"
        />
      </label>
      <label className="field">
        <span className="label">Time zone</span>
        <input value={timeZone} list="time-zones" onChange={(e) => setTimeZone(e.target.value)} />
        <TimeZoneList />
      </label>
    </div>
  )
}
